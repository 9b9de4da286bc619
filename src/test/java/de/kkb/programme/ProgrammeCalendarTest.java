package de.kkb.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ProgrammeCalendarTest {

  private static final LocalDate START = LocalDate.of(2023, 6, 1);
  private static final LocalDate END = LocalDate.of(2025, 12, 31);

  @Test
  void sourceRoundEndsAtTheStartOfNewYearsDay2026InBerlin() {
    ProgrammeCalendar calendar = new ProgrammeCalendar(ProgrammeProperties.sourceRound(),
        LocalDate.of(2026, 11, 24));
    assertThat(calendar.start()).isEqualTo(START);
    assertThat(calendar.endInstant()).isEqualTo("2026-01-01T00:00:00+01:00");
  }

  @Test
  void demoRoundStartsTwoMonthsAgoWithItsLengthAndDeadlineKept() {
    ProgrammeProperties demo = new ProgrammeProperties(START, END, LocalDate.of(2023, 9, 30), 4, null, true);
    ProgrammeCalendar calendar = new ProgrammeCalendar(demo, LocalDate.of(2026, 11, 24));
    assertThat(calendar.start()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(calendar.lastDay()).isEqualTo(LocalDate.of(2029, 3, 31));
    assertThat(calendar.applicationDeadline()).as("the call is still open").isEqualTo(LocalDate.of(2026, 12, 30));
    assertThat(calendar.capacity()).isEqualTo(4);

    assertThat(new ProgrammeCalendar(demo, LocalDate.of(2021, 2, 10)).start())
        .isEqualTo(LocalDate.of(2020, 12, 1));
    assertThat(new ProgrammeCalendar(demo, LocalDate.of(2024, 2, 1)).start())
        .as("today inside the configured round: unchanged").isEqualTo(START);
  }

  @Test
  void deadlineClosesAtTheEndOfItsDay() {
    assertThat(new ProgrammeCalendar(ProgrammeProperties.sourceRound(), LocalDate.of(2023, 6, 1))
        .applicationDeadlineInstant()).isEqualTo("2023-10-01T00:00:00+02:00");
  }
}
