package de.kkb.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.kkb.identity.KkbGroups;
import de.kkb.security.BasicCredentials;
import org.springframework.http.HttpHeaders;
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
    Optional<ResponseEntity<ProblemDetail>> refusal = credentials.refusal(authorization,
        "Das Benachrichtigungsprotokoll ist der Programmsteuerung vorbehalten.", KkbGroups.PROGRAMME_MANAGEMENT, KkbGroups.ADMINS);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    List<Map<String, Object>> entries = log.forBusinessKey(businessKey);
    return ResponseEntity.ok(entries);
  }
}
