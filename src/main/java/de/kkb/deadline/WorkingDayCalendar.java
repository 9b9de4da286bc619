package de.kkb.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/**
 * Working days in North Rhine-Westphalia: Monday to Friday, except the public holidays of NRW
 * (from the jollyday library, region {@code nw}).
 */
@Component
public class WorkingDayCalendar {

  private static final String NRW = "nw";

  private final HolidayManager holidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));

  public boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.isHoliday(date, NRW);
  }

  /** The date {@code days} working days after {@code from} (from itself does not count). */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    LocalDate date = from;
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** The date {@code days} working days before {@code from}. */
  public LocalDate subtractWorkingDays(LocalDate from, int days) {
    LocalDate date = from;
    int counted = 0;
    while (counted < days) {
      date = date.minusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** {@code date} itself when it is a working day, else the working day before it. */
  public LocalDate onOrBefore(LocalDate date) {
    LocalDate result = date;
    while (!isWorkingDay(result)) {
      result = result.minusDays(1);
    }
    return result;
  }
}
