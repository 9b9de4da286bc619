package de.kkb.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text as a person types it: no control characters (C0 and C1, NUL included), no bidirectional
 * formatting characters (embeddings, overrides, isolates, marks) and no invisible characters (zero
 * width spaces and joiners, word joiner, invisible operators, BOM, Mongolian vowel separator, soft
 * hyphen), and no unpaired surrogates. One-line text ({@code multiline = false}) also refuses CR, LF,
 * TAB and the Unicode line and paragraph separators; multi-line text keeps CR, LF and TAB.
 *
 * <p>With a {@link #blankMessage()}, text that is not empty but has no visible character (only
 * spaces of any kind, such as no-break spaces) is refused with that message. {@code null} and the
 * empty text are valid (that is for {@code @NotNull}, {@code @NotBlank} or {@code @Size}). Where other
 * constraints of a field refuse the same value, {@link FieldMessages} shows this one.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

  /** The message of the intake for refused characters. */
  String CHARACTERS = "Enthält nicht erlaubte Steuer- oder Sonderzeichen.";

  String message() default CHARACTERS;

  /** Whether line breaks (CR, LF) and tabs are allowed. */
  boolean multiline() default false;

  /** If not empty: the message for text that consists of nothing but whitespace of any kind. */
  String blankMessage() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
