package de.kkb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps send several requests at once after login: the security layer must leave their
 * session as it is, or all but one of those requests lose it (401) and the webapp logs out.
 */
@PlatformTest
class WebappSessionTest {

  @LocalServerPort
  int port;

  @Test
  void parallelRequestsOfOneWebappSessionAllGetThroughAndTheSessionKeepsItsId() throws Exception {
    HttpSession browser = new HttpSession(port);
    assertThat(browser.webappLogin("tasklist", "k3b-anna", "demo").statusCode()).isEqualTo(200);
    String session = browser.cookie("JSESSIONID");
    String csrf = browser.cookie("XSRF-TOKEN");
    HttpClient client = HttpClient.newHttpClient();
    List<String> paths = List.of("/camunda/api/engine/engine/default/filter?resourceType=Task",
        "/camunda/api/engine/engine/default/filter/count?resourceType=Task",
        "/camunda/api/engine/engine/default/task/count", "/camunda/api/engine/engine/default/process-definition",
        "/programmsteuerung/zeitleiste");
    List<CompletableFuture<HttpResponse<String>>> answers = paths.stream()
        .map(path -> client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf)
            .header("X-XSRF-TOKEN", csrf).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString()))
        .toList();
    for (int i = 0; i < paths.size(); i++) {
      HttpResponse<String> answer = answers.get(i).get();
      int expected = paths.get(i).startsWith("/programmsteuerung") ? 403 : 200;
      assertThat(answer.statusCode()).as(paths.get(i)).isEqualTo(expected);
      assertThat(answer.headers().allValues("Set-Cookie")).as(paths.get(i))
          .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    }
  }

  @Test
  void theWebappsLoginPageProbeGetsNoLoginChallenge() {
    HttpResponse<String> probe = new HttpSession(port).get("/camunda-welcome");
    assertThat(probe.statusCode()).isEqualTo(404);
    assertThat(probe.headers().firstValue("WWW-Authenticate")).isEmpty();
  }
}
