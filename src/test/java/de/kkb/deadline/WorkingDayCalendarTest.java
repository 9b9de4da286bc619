package de.kkb.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import de.kkb.programme.ProgrammeCalendar;
import de.kkb.programme.ProgrammeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  final WorkingDayCalendar calendar = new WorkingDayCalendar();
  final DueDateCalculator dueDates = new DueDateCalculator(calendar,
      new ProgrammeCalendar(ProgrammeProperties.sourceRound(), LocalDate.of(2023, 6, 1)));

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
      "2024-01-01, Neujahr", "2025-01-01, Neujahr",
      "2023-04-07, Karfreitag", "2024-03-29, Karfreitag", "2025-04-18, Karfreitag",
      "2023-04-10, Ostermontag", "2024-04-01, Ostermontag", "2025-04-21, Ostermontag",
      "2023-05-01, Tag der Arbeit", "2024-05-01, Tag der Arbeit", "2025-05-01, Tag der Arbeit",
      "2023-05-18, Christi Himmelfahrt", "2024-05-09, Christi Himmelfahrt", "2025-05-29, Christi Himmelfahrt",
      "2023-05-29, Pfingstmontag", "2024-05-20, Pfingstmontag", "2025-06-09, Pfingstmontag",
      "2023-06-08, Fronleichnam", "2024-05-30, Fronleichnam", "2025-06-19, Fronleichnam",
      "2023-10-03, Tag der Deutschen Einheit", "2024-10-03, Tag der Deutschen Einheit",
      "2023-11-01, Allerheiligen", "2024-11-01, Allerheiligen", "2025-11-01, Allerheiligen",
      "2023-12-25, 1. Weihnachtstag", "2023-12-26, 2. Weihnachtstag",
      "2024-12-25, 1. Weihnachtstag", "2025-12-26, 2. Weihnachtstag"})
  void publicHolidaysOfNrwAreNoWorkingDays(LocalDate holiday, String name) {
    assertThat(calendar.isWorkingDay(holiday)).as(name + " " + holiday).isFalse();
  }

  @ParameterizedTest(name = "{1} {0} is a working day in NRW")
  @CsvSource({
      "2023-10-31, Reformationstag (holiday elsewhere, not in NRW)",
      "2024-08-15, Mariä Himmelfahrt (Bavaria and Saarland only)",
      "2024-11-20, Buß- und Bettag (Saxony only)",
      "2024-03-28, Gründonnerstag",
      "2025-06-20, the Friday after Corpus Christi 2025",
      "2024-05-31, the Friday after Corpus Christi 2024"})
  void otherDaysAreWorkingDays(LocalDate day, String name) {
    assertThat(calendar.isWorkingDay(day)).as(name).isTrue();
  }

  @Test
  void holidaysMoveWithTheYear() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 10))).as("Easter Monday 2023 is 04-10, not 2024").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 9))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 20))).as("a Saturday").isFalse();
  }

  @Test
  void workingDaysSkipWeekendsAndHolidays() {
    // Thursday before Easter 2024: Good Friday and Easter Monday and the weekend are skipped.
    assertThat(calendar.addWorkingDays(LocalDate.of(2024, 3, 28), 1)).isEqualTo(LocalDate.of(2024, 4, 2));
    // Christmas 2023: 22nd (Fri) + 3 working days = 27th, 28th, 29th
    assertThat(calendar.addWorkingDays(LocalDate.of(2023, 12, 22), 3)).isEqualTo(LocalDate.of(2023, 12, 29));
    assertThat(calendar.addWorkingDays(LocalDate.of(2023, 12, 29), 1)).isEqualTo(LocalDate.of(2024, 1, 2));
  }

  @Test
  void aDueDateAfterTheProgrammeEndMovesToTheLastWorkingDayBeforeIt() {
    ZonedDateTime due = dueDates.due(ZonedDateTime.of(2025, 12, 15, 10, 0, 0, 0, BERLIN), 15);
    // 31 Dec 2025 is a Wednesday and a working day in NRW.
    assertThat(due).isEqualTo(ZonedDateTime.of(2025, 12, 31, 10, 0, 0, 0, BERLIN));
    ProgrammeProperties endsOnSunday = new ProgrammeProperties(LocalDate.of(2023, 6, 1),
        LocalDate.of(2025, 11, 2), LocalDate.of(2023, 9, 30), 4, null, false);
    DueDateCalculator shortRound = new DueDateCalculator(calendar,
        new ProgrammeCalendar(endsOnSunday, LocalDate.of(2023, 6, 1)));
    assertThat(shortRound.due(ZonedDateTime.of(2025, 10, 20, 9, 0, 0, 0, BERLIN), 30))
        .as("Sunday 2 Nov, Saturday 1 Nov is All Saints: Friday 31 Oct")
        .isEqualTo(ZonedDateTime.of(2025, 10, 31, 9, 0, 0, 0, BERLIN));
  }

  @Test
  void dueDatesKeepTheirLocalTimeAcrossDaylightSavingTime() {
    // Spring forward on 31 March 2024, fall back on 27 October 2024.
    ZonedDateTime beforeSpring = ZonedDateTime.of(2024, 3, 28, 9, 30, 0, 0, BERLIN);
    ZonedDateTime afterSpring = dueDates.due(beforeSpring, 3);
    assertThat(afterSpring.toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 4));
    assertThat(afterSpring.toLocalTime()).isEqualTo(beforeSpring.toLocalTime());
    assertThat(afterSpring.getOffset()).isNotEqualTo(beforeSpring.getOffset());

    ZonedDateTime beforeAutumn = ZonedDateTime.of(2024, 10, 25, 9, 30, 0, 0, BERLIN);
    ZonedDateTime afterAutumn = dueDates.due(beforeAutumn, 1);
    assertThat(afterAutumn).isEqualTo(ZonedDateTime.of(2024, 10, 28, 9, 30, 0, 0, BERLIN));
    assertThat(afterAutumn.getOffset().getTotalSeconds()).isEqualTo(3600);
    // Given in UTC, it still keeps the Berlin wall-clock time.
    assertThat(dueDates.due(beforeSpring.withZoneSameInstant(ZoneId.of("UTC")), 3).toLocalTime())
        .isEqualTo(beforeSpring.toLocalTime());
  }
}
