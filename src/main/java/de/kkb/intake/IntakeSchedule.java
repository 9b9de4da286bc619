package de.kkb.intake;

import org.springframework.stereotype.Component;

/** Timer values for the request model: {@code ${intakeSchedule.documentsDeadline()}}. */
@Component
public class IntakeSchedule {

  private final IntakeProperties properties;

  public IntakeSchedule(IntakeProperties properties) {
    this.properties = properties;
  }

  public String documentsDeadline() {
    return properties.documentsDeadline().toString();
  }

  /** Three days before the documents deadline (at least one day after the request). */
  public String documentsReminder() {
    int days = Math.max(1, properties.documentsDeadline().getDays() - 3);
    return java.time.Period.ofDays(days).toString();
  }
}
