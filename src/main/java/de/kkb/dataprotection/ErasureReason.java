package de.kkb.dataprotection;

/** Every erasure needs a reason (for the audit trail): at least a few words, at most a paragraph. */
final class ErasureReason {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 500;
  static final String REQUIRED = "Bitte geben Sie den Grund der Löschung an (mindestens " + MIN_LENGTH
      + ", höchstens " + MAX_LENGTH + " Zeichen), z. B. „Antrag auf Löschung nach Art. 17 DSGVO vom 02.12.2026“.";

  private ErasureReason() {
  }

  static boolean valid(String reason) {
    return reason != null && reason.strip().length() >= MIN_LENGTH && reason.length() <= MAX_LENGTH;
  }
}
