package de.kkb.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or weak admin account into a short start-up message instead of a stack trace. */
class AdminAccountFailureAnalyzer extends AbstractFailureAnalyzer<AdminAccountException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AdminAccountException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Setzen Sie KKB_ADMIN_ID und ein starkes KKB_ADMIN_PASSWORD (mindestens 10 Zeichen mit "
            + "Groß- und Kleinbuchstaben, Ziffer und Sonderzeichen) und starten Sie neu. / "
            + "Set KKB_ADMIN_ID and a strong KKB_ADMIN_PASSWORD (at least 10 characters with upper- "
            + "and lower-case letters, a digit and a special character) and start again.",
        cause);
  }
}
