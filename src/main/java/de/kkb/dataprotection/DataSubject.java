package de.kkb.dataprotection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.identity.User;

/**
 * Whom an access request or an erasure is about: a contact person (by e-mail address) or one request
 * (by reference), with what the platform found of them.
 *
 * @param email the e-mail address asked for, lower case; null for a reference
 * @param reference the reference asked for; null for an e-mail address
 * @param references the requests concerned: those naming the address as contact, or the one asked for
 * @param contactInstances the request process instances whose contact the person is (or the request's)
 * @param relatedInstances every process instance, running or ended, of those references
 * @param identifiers the person's e-mail addresses, names and phone numbers as stored
 * @param account the engine user with this e-mail address, if any
 */
public record DataSubject(String email, String reference, Set<String> references, Set<String> contactInstances,
    Set<String> relatedInstances, PersonalText identifiers, User account) {

  boolean byEmail() {
    return email != null;
  }

  boolean found() {
    return !references.isEmpty() || account != null;
  }

  /**
   * How the audit trail names the subject: the reference, or a SHA-256 prefix of the address, never
   * the address itself.
   */
  public String auditSubject() {
    return byEmail() ? "E-Mail sha256:" + hashPrefix(email) : reference;
  }

  static String hashPrefix(String email) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
