package de.kkb.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.kkb.identity.KkbGroups;
import de.kkb.security.BasicCredentials;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification log of a request or consultation, for programme management (HTTP Basic). */
@RestController
public class NotificationController {

  private final NotificationLog log;
  private final BasicCredentials credentials;

  public NotificationController(NotificationLog log, BasicCredentials credentials) {
    this.log = log;
    this.credentials = credentials;
  }

  @GetMapping(value = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> notifications(@RequestParam String businessKey,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    Optional<BasicCredentials.Caller> caller = credentials.authenticate(authorization);
    if (caller.isEmpty()) {
      return problem(HttpStatus.UNAUTHORIZED, "Anmeldung erforderlich",
          "Bitte mit Benutzerkennung und Passwort der Plattform anmelden (HTTP Basic).");
    }
    if (!caller.get().isIn(KkbGroups.PROGRAMME_MANAGEMENT, KkbGroups.ADMINS)) {
      return problem(HttpStatus.FORBIDDEN, "Keine Berechtigung",
          "Das Benachrichtigungsprotokoll ist der Programmsteuerung vorbehalten.");
    }
    List<Map<String, Object>> entries = log.forBusinessKey(businessKey);
    return ResponseEntity.ok(entries);
  }

  private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"KKB\"");
    }
    return response.body(problem);
  }
}
