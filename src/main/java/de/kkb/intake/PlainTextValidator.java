package de.kkb.intake;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}, code point by code point. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

  private boolean multiline;
  private String blankMessage;

  @Override
  public void initialize(PlainText annotation) {
    multiline = annotation.multiline();
    blankMessage = annotation.blankMessage();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    String text = value.toString();
    boolean visible = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!allowed(c, multiline)) {
        return false;
      }
      visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c);
      i += Character.charCount(c);
    }
    if (!visible && !blankMessage.isEmpty() && !text.isEmpty()) {
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(blankMessage).addConstraintViolation();
      return false;
    }
    return true;
  }

  /** Whether the code point may appear in text of the intake. */
  static boolean allowed(int c, boolean multiline) {
    if (c == '\n' || c == '\r' || c == '\t') {
      return multiline;
    }
    if (c == 0x2028 || c == 0x2029) { // line and paragraph separator
      return multiline;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) { // C0, DEL, C1
      return false;
    }
    if (Character.isSurrogate((char) c)) { // unpaired: codePointAt returned the lone half
      return false;
    }
    return !(c == 0x00AD // soft hyphen
        || c == 0x061C // Arabic letter mark
        || c == 0x180E // Mongolian vowel separator
        || (c >= 0x200B && c <= 0x200F) // zero width space, non-joiner, joiner; LRM, RLM
        || (c >= 0x202A && c <= 0x202E) // embeddings and overrides
        || (c >= 0x2060 && c <= 0x2064) // word joiner, invisible operators
        || (c >= 0x2066 && c <= 0x2069) // isolates
        || c == 0xFEFF); // zero width no-break space, BOM
  }
}
