package de.kkb.notification;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification log of a request or consultation, for programme management (guarded by the security layer). */
@RestController
public class NotificationController {

  private final NotificationLog log;

  public NotificationController(NotificationLog log) {
    this.log = log;
  }

  /** Programme management only: the security layer guards {@code /api/notifications}. */
  @GetMapping(value = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> notifications(@RequestParam String businessKey) {
    List<Map<String, Object>> entries = log.forBusinessKey(businessKey);
    return ResponseEntity.ok(entries);
  }
}
