package de.kkb.intake;

import java.time.Period;
import java.time.ZonedDateTime;

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
    return reminderPeriod().toString();
  }

  /**
   * When the deadline ends that starts now: the request model waits
   * {@link #documentsDeadline()} from sending the notice "Unterlagen fehlen".
   */
  public ZonedDateTime documentsDeadlineFrom(ZonedDateTime missingNoticeSent) {
    return missingNoticeSent.plus(properties.documentsDeadline());
  }

  /** When the deadline ends, seen from its reminder, which comes {@link #documentsReminder()} after its start. */
  public ZonedDateTime documentsDeadlineFromReminder(ZonedDateTime reminderSent) {
    return reminderSent.minus(reminderPeriod()).plus(properties.documentsDeadline());
  }

  private Period reminderPeriod() {
    return Period.ofDays(Math.max(1, properties.documentsDeadline().getDays() - 3));
  }
}
