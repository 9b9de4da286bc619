package de.kkb.dataprotection;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access requests and erasure as JSON. Who may is decided by the security layer: programme
 * management and admins ask ({@code GET …/access}), admins erase ({@code POST …/erasure}, JSON only,
 * so that no cross-site form can send it).
 */
@RestController
public class DataProtectionApi {

  static final String ACCESS = "/api/programme/data-protection/access";
  static final String ERASURE = "/api/programme/data-protection/erasure";

  private final AccessReports reports;
  private final Erasures erasures;

  public DataProtectionApi(AccessReports reports, Erasures erasures) {
    this.reports = reports;
    this.erasures = erasures;
  }

  @GetMapping(value = ACCESS, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> access(@RequestParam(required = false) String email,
      @RequestParam(required = false) String reference) {
    SubjectQuery query = SubjectQuery.of(email, reference);
    if (query == null) {
      return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage",
          "Bitte genau eines angeben: email (eine E-Mail-Adresse) oder reference (ein Aktenzeichen KKB-JJJJ-NNN).");
    }
    return ResponseEntity.ok(query.byEmail() ? reports.forEmail(query.email()) : reports.forReference(query.reference()));
  }

  /** The body: {@code {"email": …}} or {@code {"reference": …}}, and {@code "reason"}. */
  @PostMapping(value = ERASURE, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> erase(@RequestBody Map<String, Object> body) {
    Object email = body.get("email");
    Object reference = body.get("reference");
    Object reason = body.get("reason");
    SubjectQuery query = SubjectQuery.of(email instanceof String e ? e : null,
        reference instanceof String r ? r : null);
    if (query == null || (email != null && !(email instanceof String)) || (reference != null && !(reference instanceof String))) {
      return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage",
          "Bitte genau eines angeben: email (eine E-Mail-Adresse) oder reference (ein Aktenzeichen KKB-JJJJ-NNN).");
    }
    if (!(reason instanceof String text) || text.strip().length() < ErasureReason.MIN_LENGTH
        || text.length() > ErasureReason.MAX_LENGTH) {
      return problem(HttpStatus.BAD_REQUEST, "Grund fehlt", ErasureReason.REQUIRED);
    }
    ErasureResult result = query.byEmail() ? erasures.eraseContact(query.email(), text)
        : erasures.eraseRequest(query.reference(), text);
    return ResponseEntity.ok(result);
  }

  @ExceptionHandler(ErasureRefused.class)
  ResponseEntity<ProblemDetail> refused(ErasureRefused refusal) {
    return problem(HttpStatus.CONFLICT, "Löschung nicht möglich", refusal.getMessage());
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable() {
    return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage", "Der Inhalt ist kein gültiges JSON-Objekt.");
  }

  @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> notJson() {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Nur JSON", "Bitte als application/json senden.");
  }

  @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
  ResponseEntity<ProblemDetail> concurrent() {
    return problem(HttpStatus.CONFLICT, "Gleichzeitige Änderung", Erasures.CONCURRENT);
  }

  @ExceptionHandler(NothingStored.class)
  ResponseEntity<ProblemDetail> nothing(NothingStored nothing) {
    return problem(HttpStatus.NOT_FOUND, "Nichts gespeichert", nothing.getMessage());
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
