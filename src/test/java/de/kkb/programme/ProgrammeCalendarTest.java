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
  void demoRoundIsShiftedByWholeYearsToContainToday() {
    ProgrammeProperties demo = new ProgrammeProperties(START, END, LocalDate.of(2023, 9, 30), 4, null, true);
    ProgrammeCalendar calendar = new ProgrammeCalendar(demo, LocalDate.of(2026, 11, 24));
    assertThat(calendar.start()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(calendar.lastDay()).isEqualTo(LocalDate.of(2028, 12, 31));

    assertThat(new ProgrammeCalendar(demo, LocalDate.of(2027, 3, 1)).start())
        .isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(new ProgrammeCalendar(demo, LocalDate.of(2021, 2, 1)).start())
        .isEqualTo(LocalDate.of(2020, 6, 1));
    assertThat(new ProgrammeCalendar(demo, LocalDate.of(2024, 2, 1)).start())
        .as("today inside the configured round: unchanged").isEqualTo(START);
  }
}
