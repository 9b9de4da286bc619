package de.kkb.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The call for applications of the round is closed. */
public class ApplicationDeadlinePassedException extends RuntimeException {

  public ApplicationDeadlinePassedException(LocalDate deadline) {
    super("Die Bewerbungsfrist dieser Programmrunde endete am "
        + deadline.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ".");
  }
}
