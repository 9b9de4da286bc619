package de.kkb.programme;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.programme.*}: the programme round. Defaults to the source document's round, June 2023
 * to December 2025, with four places. With {@code shift-to-today} (the embedded demo profile) the
 * round is moved so that it contains today, keeping its length, so the call for applications,
 * deadlines and timers are live for someone trying the platform out.
 *
 * @param carriers display name → consultant group of each carrier
 */
@ConfigurationProperties("kkb.programme")
public record ProgrammeProperties(
    @DefaultValue("2023-06-01") LocalDate start,
    @DefaultValue("2025-12-31") LocalDate end,
    @DefaultValue("2023-09-30") LocalDate applicationDeadline,
    @DefaultValue("4") int capacity,
    Map<String, String> carriers,
    @DefaultValue("false") boolean shiftToToday) {

  public static final Map<String, String> DEFAULT_CARRIERS =
      Map.of("K3B", "consultants-k3b", "forumZFD", "consultants-forumzfd");

  public ProgrammeProperties {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("kkb.programme.end liegt vor kkb.programme.start");
    }
    if (applicationDeadline.isBefore(start) || applicationDeadline.isAfter(end)) {
      throw new IllegalArgumentException(
          "kkb.programme.application-deadline liegt außerhalb der Programmrunde");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("kkb.programme.capacity muss mindestens 1 sein");
    }
    carriers = carriers == null || carriers.isEmpty() ? DEFAULT_CARRIERS
        : Map.copyOf(new LinkedHashMap<>(carriers));
  }

  /** The source round (2023-06-01 to 2025-12-31, deadline 2023-09-30, four places), not shifted. */
  public static ProgrammeProperties sourceRound() {
    return new ProgrammeProperties(LocalDate.of(2023, 6, 1), LocalDate.of(2025, 12, 31),
        LocalDate.of(2023, 9, 30), 4, DEFAULT_CARRIERS, false);
  }

  /**
   * The round in force on {@code today}: as configured, or, when the configured round does not
   * contain today and {@code shift-to-today} is set, moved by whole months so that it starts on the
   * first of the month two months ago. Length and the position of the application deadline are
   * kept, so a newcomer finds the call for applications still open and the demo data has a few
   * weeks of history.
   */
  public ProgrammeProperties effective(LocalDate today) {
    if (!shiftToToday || (!today.isBefore(start) && !today.isAfter(end))) {
      return new ProgrammeProperties(start, end, applicationDeadline, capacity, carriers, false);
    }
    long months = ChronoUnit.MONTHS.between(start.withDayOfMonth(1), today.withDayOfMonth(1)) - 2;
    return new ProgrammeProperties(start.plusMonths(months), end.plusMonths(months),
        applicationDeadline.plusMonths(months), capacity, carriers, false);
  }
}
