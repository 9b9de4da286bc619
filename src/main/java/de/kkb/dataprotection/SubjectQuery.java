package de.kkb.dataprotection;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person asked for: an e-mail address or a reference, checked. The page takes either in one
 * field; the API in {@code email} or {@code reference}.
 */
record SubjectQuery(String email, String reference) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  static final String INVALID = "Bitte eine E-Mail-Adresse oder ein Aktenzeichen (KKB-JJJJ-NNN) angeben.";

  /** From the page's one field; null when it is neither. */
  static SubjectQuery parse(String input) {
    if (input == null || input.isBlank() || input.length() > 254) {
      return null;
    }
    String value = input.strip();
    if (EMAIL.matcher(value).matches()) {
      return new SubjectQuery(value.toLowerCase(Locale.ROOT), null);
    }
    String reference = value.toUpperCase(Locale.ROOT);
    return SubjectLookup.REFERENCE.matcher(reference).matches() ? new SubjectQuery(null, reference) : null;
  }

  /** From the API's two parameters: exactly one of them; null otherwise. */
  static SubjectQuery of(String email, String reference) {
    if ((email == null) == (reference == null)) {
      return null;
    }
    SubjectQuery query = parse(email != null ? email : reference);
    return query == null || (email != null) != query.byEmail() ? null : query;
  }

  boolean byEmail() {
    return email != null;
  }

  String input() {
    return byEmail() ? email : reference;
  }
}
