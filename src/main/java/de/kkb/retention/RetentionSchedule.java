package de.kkb.retention;

import de.kkb.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * When the platform cleans up, for {@code processes/data-retention.bpmn}:
 * {@code ${retentionSchedule.nightlyCron()}} and {@code ${retentionSchedule.inWindow()}}.
 */
@Component
public class RetentionSchedule {

  private final RetentionProperties retention;

  public RetentionSchedule(RetentionProperties retention) {
    this.retention = retention;
  }

  /** Every night at {@code kkb.retention.cleanup-window-start}, Europe/Berlin. */
  public String nightlyCron() {
    return retention.nightlyCron();
  }

  /** Whether the engine clock stands in the nightly window: a timer fired late waits for the next night. */
  public boolean inWindow() {
    return retention.inWindow(EngineClock.nowInBerlin().toLocalTime());
  }
}
