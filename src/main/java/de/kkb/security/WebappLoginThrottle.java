package de.kkb.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST …/auth/user/{engine}/login/{app}}) counts towards the same
 * {@link LoginThrottle} as HTTP Basic: a locked id is answered 429 in German before the engine
 * checks the password; a 401 from the webapp counts as a failure, a success clears the count.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final String loginPathPrefix;
  private final FormHttpMessageConverter forms = new FormHttpMessageConverter();

  WebappLoginThrottle(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.loginPathPrefix = webappPath + "/api/admin/auth/user/";
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.normalised(request);
    return !"POST".equals(request.getMethod()) || !path.startsWith(loginPathPrefix)
        || !path.contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    String userId = userId(request.getContentType(), body).orElse("");
    Optional<Duration> locked = throttle.lockedFor(userId);
    if (locked.isPresent()) {
      SecurityResponses.loginLocked(response, locked.get());
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(userId);
    } else if (response.getStatus() < 400) {
      throttle.succeeded(userId);
    }
  }

  private Optional<String> userId(String contentType, byte[] body) throws IOException {
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
      return Optional.empty();
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    HttpInputMessage message = new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
    MultiValueMap<String, String> form = forms.read(null, message);
    return Optional.ofNullable(form.getFirst("username"));
  }
}
