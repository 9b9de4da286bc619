package de.kkb.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.util.HtmlUtils;

/** The German answers of the security layer: 401, 403, 429 for a locked login, 400 for odd URLs. */
final class SecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler,
    RequestRejectedHandler {

  static final String REALM = "Basic realm=\"KKB-Plattform\", charset=\"UTF-8\"";

  private final boolean basicChallenge;

  SecurityResponses() {
    this(true);
  }

  private SecurityResponses(boolean basicChallenge) {
    this.basicChallenge = basicChallenge;
  }

  /** For the webapps' APIs: no Basic challenge, or browsers would open their own login dialog. */
  static SecurityResponses withoutBasicChallenge() {
    return new SecurityResponses(false);
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    if (exception instanceof EngineUserAuthenticationProvider.LoginLockedException locked) {
      loginLocked(response, locked.remaining());
      return;
    }
    if (basicChallenge) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
    }
    write(request, response, HttpStatus.UNAUTHORIZED, "Anmeldung erforderlich",
        "Bitte mit Benutzerkennung und Passwort der Plattform anmelden.");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException exception) throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "Keine Berechtigung",
        "Dieser Bereich steht Ihrer Rolle auf der Plattform nicht zur Verfügung.");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      RequestRejectedException exception) throws IOException {
    ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Ungültige Adresse",
        "Die aufgerufene Adresse enthält nicht erlaubte Zeichen oder Pfadbestandteile.", Map.of());
  }

  static void loginLocked(HttpServletResponse response, Duration remaining) throws IOException {
    long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
    String detail = "Zu viele fehlgeschlagene Anmeldeversuche für diese Benutzerkennung. Bitte in "
        + minutes + (minutes == 1 ? " Minute" : " Minuten") + " erneut versuchen.";
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, remaining.toSeconds())));
    // "message" too: the webapps' login page shows that field of an error.
    ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Anmeldung vorübergehend gesperrt",
        detail, Map.of("message", detail));
  }

  /** Problem JSON for programs, a small German page for browsers. */
  private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
      String title, String detail) throws IOException {
    if (!ProblemResponses.prefersHtml(request.getHeader(HttpHeaders.ACCEPT))) {
      ProblemResponses.write(response, status, title, detail, Map.of());
      return;
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.getWriter().write("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
        + "<title>" + HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\"/css/kkb.css\">"
        + "</head><body><main><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
        + "</p><p><a href=\"/camunda/app/cockpit/\">Zur Anmeldung (Cockpit)</a> · <a href=\"/\">Zur Startseite</a>"
        + "</p></main></body></html>");
    response.flushBuffer();
  }
}
