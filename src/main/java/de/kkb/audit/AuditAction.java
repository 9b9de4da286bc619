package de.kkb.audit;

/** The platform's sensitive actions, each recorded in the audit trail with who and when. */
public enum AuditAction {
  /** Someone opened a document an applicant handed in. */
  DOCUMENT_DOWNLOAD("Dokument geöffnet"),
  /** Someone asked what is stored about a person or a request (Art. 15 DSGVO). */
  ACCESS_REQUEST("Auskunft erteilt"),
  /** Someone erased or anonymised a person's or a request's data (Art. 17 DSGVO). */
  ERASURE("Daten gelöscht"),
  /** Someone exported the programme report as CSV. */
  CSV_EXPORT("Bericht als CSV exportiert");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  /** What the audit page shows. */
  public String label() {
    return label;
  }

  /** The action of this name; null for any other text (e.g. an engine operation type). */
  public static AuditAction byName(String name) {
    for (AuditAction action : values()) {
      if (action.name().equals(name)) {
        return action;
      }
    }
    return null;
  }
}
