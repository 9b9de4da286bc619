package de.kkb.programme;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.programme.*}: the programme round. Defaults to the source document's round, June 2023
 * to December 2025. With {@code shift-to-today} (the embedded demo profile) the round is moved by
 * whole years so that it contains today, keeping its length, so deadlines and timers stay live for
 * someone trying the platform out.
 */
@ConfigurationProperties("kkb.programme")
public record ProgrammeProperties(
    @DefaultValue("2023-06-01") LocalDate start,
    @DefaultValue("2025-12-31") LocalDate end,
    @DefaultValue("false") boolean shiftToToday) {

  public ProgrammeProperties {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("kkb.programme.end liegt vor kkb.programme.start");
    }
  }

  /**
   * The round in force on {@code today}: as configured, or shifted by whole years so that it starts
   * on the latest anniversary of its start on or before today (a round of a year or more then
   * contains today, with most of it still ahead).
   */
  public ProgrammeProperties effective(LocalDate today) {
    if (!shiftToToday || (!today.isBefore(start) && !today.isAfter(end))) {
      return new ProgrammeProperties(start, end, false);
    }
    long years = ChronoUnit.YEARS.between(start, today);
    if (start.plusYears(years).isAfter(today)) {
      years--;
    }
    return new ProgrammeProperties(start.plusYears(years), end.plusYears(years), false);
  }
}
