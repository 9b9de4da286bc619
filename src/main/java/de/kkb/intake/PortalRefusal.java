package de.kkb.intake;

import org.springframework.http.HttpStatus;

/** The applicant portal refuses: an HTTP status, a German title and a German explanation. */
public class PortalRefusal extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  public PortalRefusal(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The same refusal for an unknown reference and a wrong token: nothing to probe. */
  static PortalRefusal notFound() {
    return new PortalRefusal(HttpStatus.NOT_FOUND, "Nicht gefunden",
        "Keine Beratungsanfrage zu diesem Aktenzeichen und Zugangsschlüssel.");
  }

  static PortalRefusal conflict(String detail) {
    return new PortalRefusal(HttpStatus.CONFLICT, "Im jetzigen Stand nicht möglich", detail);
  }
}
