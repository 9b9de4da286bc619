package de.kkb.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Mail headers never carry user text with line breaks: a subject is folded into one line, and a
 * recipient must be exactly one plain address, or the notice is refused.
 */
final class MailHeaders {

  private MailHeaders() {
  }

  /** The subject on one line: every control, line or paragraph separator becomes a space. */
  static String subject(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
  }

  /** Exactly one address, strictly parsed; anything else (several, a name part, a line break) fails. */
  static InternetAddress recipient(String address) throws AddressException {
    if (address == null || address.chars().anyMatch(c -> Character.isISOControl(c) || c == ',')) {
      throw new AddressException("Ungültige Empfängeradresse", String.valueOf(address));
    }
    InternetAddress parsed = new InternetAddress(address, true);
    if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
      throw new AddressException("Ungültige Empfängeradresse", address);
    }
    return parsed;
  }
}
