package de.kkb.dataprotection;

import java.util.Locale;

/**
 * What stands where a contact person's data was erased (Art. 17 DSGVO). The address lies in the
 * reserved top-level domain {@code .invalid} (RFC 2606), so no mail server ever delivers to it; the
 * notices check for it all the same and send nothing.
 */
public final class ErasedContact {

  /** Name, function and phone number of an erased contact. */
  public static final String NAME = "gelöscht";
  /** The e-mail address of an erased contact. */
  public static final String EMAIL = "geloescht@anonymisiert.invalid";
  /** What replaces the erased person's name, address or number inside a text. */
  public static final String IN_TEXT = "[gelöscht]";

  private ErasedContact() {
  }

  /** Whether an address is the placeholder of an erased contact: nothing is sent to it. */
  public static boolean isPlaceholder(String address) {
    return address != null && address.strip().toLowerCase(Locale.ROOT).endsWith("@anonymisiert.invalid");
  }
}
