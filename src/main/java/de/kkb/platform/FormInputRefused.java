package de.kkb.platform;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form submitted in Tasklist that the platform does not take, with the German reason. It is the
 * engine's form validation exception, so the engine API answers 400 and the transaction, and with it
 * the task or the process start, is rolled back: nothing is half done. The security layer passes the
 * reason on to the person (everything after {@link #PREFIX}); it names only what they entered.
 */
public class FormInputRefused extends FormFieldValidationException {

  /** Marks the platform's own reasons in the engine's error texts. */
  public static final String PREFIX = "Eingabe nicht übernommen: ";

  public FormInputRefused(String field, String reason) {
    super(field, PREFIX + reason);
  }
}
