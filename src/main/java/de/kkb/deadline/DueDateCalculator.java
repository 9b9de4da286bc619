package de.kkb.deadline;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import org.springframework.stereotype.Component;

/**
 * Due dates in working days of NRW, at the local time of day they were set (so daylight saving time
 * never shifts them), and never after the programme's last day: a later one moves to the last
 * working day on or before it.
 */
@Component
public class DueDateCalculator {


  private final WorkingDayCalendar calendar;
  private final ProgrammeCalendar programme;

  public DueDateCalculator(WorkingDayCalendar calendar, ProgrammeCalendar programme) {
    this.calendar = calendar;
    this.programme = programme;
  }

  public ZonedDateTime due(ZonedDateTime from, int workingDays) {
    ZonedDateTime local = from.withZoneSameInstant(EngineClock.BERLIN);
    LocalDate date = calendar.addWorkingDays(local.toLocalDate(), workingDays);
    LocalDate lastDay = programme.lastDay();
    if (date.isAfter(lastDay)) {
      date = calendar.onOrBefore(lastDay);
    }
    return ZonedDateTime.of(date, local.toLocalTime(), EngineClock.BERLIN);
  }
}
