package de.kkb.intake;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

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
  private final ApplicantPortal portal;

  public ConsultationRequestController(ConsultationRequestService requests, ApplicantPortal portal) {
    this.requests = requests;
    this.portal = portal;
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
   * Where the request stands, for the holder of the access token only: applicants have no account
   * of the engine, and other credentials (HTTP Basic included) open nothing here.
   */
  @GetMapping(value = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ApplicantPortal.RequestView status(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String accessToken) {
    return portal.view(reference, accessToken);
  }

  /** Hands in missing documents: multipart, field {@code files}, one or more files. */
  @PostMapping(value = "/{reference}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<ApplicantPortal.HandedIn>> handIn(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String accessToken,
      @RequestPart(name = "files") List<MultipartFile> files) {
    return ResponseEntity.status(HttpStatus.CREATED).body(portal.handIn(reference, accessToken, files));
  }

  /** Withdraws the request; the body ({@code {"reason": "…"}}) may be left out. */
  @PostMapping(value = "/{reference}/withdrawal", produces = MediaType.APPLICATION_JSON_VALUE)
  public ApplicantPortal.Withdrawal withdraw(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String accessToken,
      @Valid @RequestBody(required = false) WithdrawalForm form) {
    return portal.withdraw(reference, accessToken, form == null ? null : form.reason());
  }

}
