package de.kkb.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the platform: the engine's. Tests and the demo data move it
 * ({@code ClockUtil.setCurrentTime}), so every date that matters (deadlines, the call for
 * applications, the report, the timeline) is read here and never from the wall clock. Every date
 * of the programme is a date in North Rhine-Westphalia.
 */
public final class EngineClock {

  public static final String ZONE_ID = "Europe/Berlin";
  public static final ZoneId BERLIN = ZoneId.of(ZONE_ID);

  private EngineClock() {
  }

  public static Date nowAsDate() {
    return ClockUtil.getCurrentTime();
  }

  public static Instant now() {
    return nowAsDate().toInstant();
  }

  public static ZonedDateTime nowInBerlin() {
    return now().atZone(BERLIN);
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), BERLIN);
  }

  /** The day of a moment, in Berlin. */
  public static LocalDate day(Date moment) {
    return LocalDate.ofInstant(moment.toInstant(), BERLIN);
  }
}
