package de.kkb.intake;

import org.springframework.stereotype.Component;

/** Timer values for the request model: {@code ${intake.documentsDeadline()}}. */
@Component("intake")
public class IntakeSchedule {

  private final IntakeProperties properties;

  public IntakeSchedule(IntakeProperties properties) {
    this.properties = properties;
  }

  public String documentsDeadline() {
    return properties.documentsDeadline().toString();
  }
}
