package de.kkb.intake;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API for consultation requests; no login, the access token guards the status. The body
 * of a request is read strictly ({@link IntakeJson}), its problems are answered in German
 * ({@link IntakeProblemHandler}).
 */
@RestController
@RequestMapping("/api/consultation-requests")
public class ConsultationRequestController {

  public static final String TOKEN_HEADER = "X-Access-Token";

  private final ConsultationRequestService requests;

  public ConsultationRequestController(ConsultationRequestService requests) {
    this.requests = requests;
  }

  // No "consumes" condition: other media types then reach this controller and its problem handler
  // answers 415 in German, instead of the generic error page.
  @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ConsultationRequestService.Submitted> submit(
      @Valid @RequestBody ConsultationRequestForm form) {
    ConsultationRequestService.Submitted submitted = requests.submit(form);
    return ResponseEntity.created(URI.create("/api/consultation-requests/" + submitted.reference()))
        .body(submitted);
  }

  /**
   * The status, for the holder of the access token only: applicants have no account of the engine,
   * and other credentials (HTTP Basic included) open nothing here.
   */
  @GetMapping(value = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> status(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String accessToken) {
    return requests.status(reference, accessToken)
        .<ResponseEntity<?>>map(status -> ResponseEntity.ok(new RequestState(reference, status)))
        .orElseGet(() -> {
          // The same answer for an unknown reference and a wrong token: nothing to probe.
          ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
              "Keine Beratungsanfrage zu diesem Aktenzeichen und Zugangsschlüssel.");
          problem.setTitle("Nicht gefunden");
          return ResponseEntity.status(HttpStatus.NOT_FOUND)
              .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        });
  }

  /** The answer to a status lookup. */
  record RequestState(String reference, String status) {
  }
}
