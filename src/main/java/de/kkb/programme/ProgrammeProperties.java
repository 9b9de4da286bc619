package de.kkb.programme;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.kkb.identity.KkbGroups;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.programme.*}: the programme round. Defaults to the source document's round, June 2023
 * to December 2025, with four places. With {@code shift-to-today} (the embedded demo profile) the
 * round is moved so that it contains today, keeping its length, so the call for applications,
 * deadlines and timers are live for someone trying the platform out.
 *
 * <p>The carriers are a list, in the order the forms offer them; without one, K3B and forumZFD:
 * <pre>
 * kkb.programme.carriers:
 *   - name: K3B
 *     group: consultants-k3b
 *     label: K3B – Kompetenzzentrum Kommunale Konfliktberatung
 * </pre>
 * Unknown keys below {@code kkb.programme} stop the start, so the earlier map form
 * ({@code carriers.K3B: consultants-k3b}) is refused instead of silently ignored.
 *
 * @param carriers the carriers of the consultations and their consultant groups
 */
@ConfigurationProperties(prefix = "kkb.programme", ignoreUnknownFields = false)
public record ProgrammeProperties(
    @DefaultValue("2023-06-01") LocalDate start,
    @DefaultValue("2025-12-31") LocalDate end,
    @DefaultValue("2023-09-30") LocalDate applicationDeadline,
    @DefaultValue("4") int capacity,
    List<Carrier> carriers,
    @DefaultValue("false") boolean shiftToToday) {

  public static final List<Carrier> DEFAULT_CARRIERS = List.of(
      new Carrier("K3B", KkbGroups.CONSULTANTS_K3B, "K3B – Kompetenzzentrum Kommunale Konfliktberatung"),
      new Carrier("forumZFD", KkbGroups.CONSULTANTS_FORUMZFD, "forumZFD – Forum Ziviler Friedensdienst"));

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
    carriers = carriers == null || carriers.isEmpty() ? DEFAULT_CARRIERS : List.copyOf(carriers);
    Set<String> names = new HashSet<>();
    Set<String> groups = new HashSet<>();
    for (Carrier carrier : carriers) {
      if (!names.add(carrier.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("kkb.programme.carriers: der Name " + carrier.name()
            + " kommt mehrfach vor");
      }
      if (!groups.add(carrier.group()) || KkbGroups.FIXED_GROUPS.contains(carrier.group())) {
        throw new IllegalArgumentException("kkb.programme.carriers: die Gruppe " + carrier.group()
            + " ist schon vergeben");
      }
    }
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
