package de.kkb.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser-like HTTP client for tests: keeps cookies, speaks Basic auth and the webapps' CSRF. */
public class HttpSession {

  /** What Chromium asks for when it opens a page: HTML first. */
  public static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  private final String baseUrl;
  private final CookieManager cookies;
  private final HttpClient client;
  private String basicAuth;

  public HttpSession(int port) {
    this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
  }

  private HttpSession(int port, CookieManager cookies) {
    this.baseUrl = "http://localhost:" + port;
    this.cookies = cookies;
    this.client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * The same browser talking to another port (another node behind a load balancer): it keeps and
   * sends the same cookies, session and CSRF token included.
   */
  public HttpSession on(int port) {
    HttpSession other = new HttpSession(port, cookies);
    other.basicAuth = basicAuth;
    return other;
  }

  public HttpSession basic(String user, String password) {
    this.basicAuth = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON POST asking for another representation (Tasklist asks the filters for HAL). */
  public HttpResponse<String> postJsonAccepting(String path, String json, String accept) {
    return send(request(path).setHeader("Accept", accept).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST with any content type, for tests of what the API refuses. */
  public HttpResponse<String> post(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Any method, with a JSON body or none. */
  public HttpResponse<String> send(String path, String method, String json) {
    return send(request(path).header("Content-Type", "application/json").method(method,
        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, with or without a body (null), for tests of what the platform refuses. */
  public HttpResponse<String> request(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder builder = request(path);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A JSON POST with one header set by the caller (e.g. a wrong CSRF token). */
  public HttpResponse<String> postJson(String path, String json, String header, String value) {
    return send(request(path).setHeader(header, value).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> get(String path, String header, String value) {
    return send(request(path).setHeader(header, value).GET());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Logs in to a Camunda webapp the way the login page does (CSRF token from the first page). */
  public HttpResponse<String> webappLogin(String app, String user, String password) {
    get("/camunda/app/" + app + "/");
    return postForm("/camunda/api/admin/auth/user/default/login/" + app,
        Map.of("username", user, "password", password));
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
    if (basicAuth != null) {
      builder.header("Authorization", basicAuth);
    }
    String csrf = cookie("XSRF-TOKEN");
    if (csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
