package de.kkb.intake;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import de.kkb.security.BasicCredentials;
import org.springframework.http.HttpHeaders;
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

/** The public API for consultation requests; no login, the access token guards the status. */
@RestController
@RequestMapping("/api/consultation-requests")
public class ConsultationRequestController {

  public static final String TOKEN_HEADER = "X-Access-Token";

  private final ConsultationRequestService requests;
  private final BasicCredentials credentials;

  public ConsultationRequestController(ConsultationRequestService requests,
      BasicCredentials credentials) {
    this.requests = requests;
    this.credentials = credentials;
  }

  private Optional<String> applicant(String authorization) {
    return credentials.authenticate(authorization).map(BasicCredentials.Caller::userId);
  }

  // No "consumes" condition: other media types then reach this controller and its problem handler
  // answers 415 in German, instead of the generic error page.
  @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> submit(@Valid @RequestBody ConsultationRequestForm form) {
    ConsultationRequestService.Submitted submitted = requests.submit(form);
    return ResponseEntity.created(URI.create("/api/consultation-requests/" + submitted.reference()))
        .body(Map.of("reference", submitted.reference(), "accessToken", submitted.accessToken(),
            "status", submitted.status()));
  }

  /**
   * The status, for the holder of the access token, or for the applicant who started the request in
   * Tasklist and authenticates with HTTP Basic.
   */
  @GetMapping(value = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> status(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String accessToken,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    Optional<String> found = requests.status(reference, accessToken);
    if (found.isEmpty()) {
      found = applicant(authorization).flatMap(user -> requests.statusForApplicant(reference, user));
    }
    return found
        .<ResponseEntity<?>>map(status -> ResponseEntity.ok(Map.of("reference", reference, "status", status)))
        .orElseGet(() -> {
          // The same answer for an unknown reference and a wrong token: nothing to probe.
          ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
              "Keine Beratungsanfrage zu diesem Aktenzeichen und Zugangsschlüssel.");
          problem.setTitle("Nicht gefunden");
          return ResponseEntity.status(HttpStatus.NOT_FOUND)
              .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        });
  }
}
