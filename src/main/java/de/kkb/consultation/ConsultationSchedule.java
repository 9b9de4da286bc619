package de.kkb.consultation;

import org.springframework.stereotype.Component;

/** Timer values for the consultation model: {@code ${consultationSchedule.interimReviewCycle()}}. */
@Component
public class ConsultationSchedule {

  private final ConsultationProperties properties;

  public ConsultationSchedule(ConsultationProperties properties) {
    this.properties = properties;
  }

  /** An unbounded ISO 8601 cycle; it stops when the implementation phase ends. */
  public String interimReviewCycle() {
    return "R/" + properties.interimReviewInterval();
  }
}
