package de.kkb.intake;

/** The municipality already has an open request in this round. */
public class DuplicateRequestException extends RuntimeException {

  public DuplicateRequestException(String ags) {
    super("Für die Kommune mit dem Gemeindeschlüssel " + ags
        + " liegt in dieser Programmrunde bereits eine offene Beratungsanfrage vor.");
  }
}
