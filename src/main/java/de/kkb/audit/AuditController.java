package de.kkb.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit for admins as JSON, newest first: {@code GET /api/admin/audit?action=&from=&to=&offset=&limit=}
 * (dates {@code JJJJ-MM-TT}, Berlin, both inclusive; at most {@value AuditQuery#MAX_LIMIT} entries).
 * Admins only: the security layer guards {@code /api/admin/**}.
 */
@RestController
public class AuditController {

  private final AuditTrail trail;

  public AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping(value = "/api/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  public AuditTrail.Page audit(@RequestParam(required = false) String action,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String offset, @RequestParam(required = false) String limit) {
    return trail.read(AuditQueries.of(action, from, to, offset, limit));
  }

  @ExceptionHandler(AuditQueryRefused.class)
  ResponseEntity<ProblemDetail> refused(AuditQueryRefused refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
    problem.setTitle("Ungültige Abfrage");
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
