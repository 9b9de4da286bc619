package de.kkb.retention;

import java.time.LocalTime;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.retention.*}: how long the platform keeps what it stores about requests, consultations
 * and the people in them, and the nightly window in which the engine's history cleanup and the
 * platform's own clean-up remove what has expired. Checked when the platform starts: a period that
 * is zero or negative, or a window that is empty, stops the start with a message naming the property.
 *
 * @param requestsWithoutSelection a request that ended without a selection is removed this long
 *     after its end
 * @param consultationYearsAfterProgrammeEnd a selected municipality's request, consultation,
 *     measures, reports of critical situations and withdrawals are kept until the programme's end
 *     plus these years
 * @param staffNotices notifications without a business key (digests, reminders to staff) are
 *     removed this long after they were written
 * @param audit the platform's audit trail and the engine's user operation log
 * @param technicalProcesses instances of the technical processes (deadline watch, interim reports,
 *     the nightly clean-up itself), after their end
 * @param cleanupWindowStart start of the nightly window, Europe/Berlin
 * @param cleanupWindowEnd end of the nightly window, Europe/Berlin
 */
@ConfigurationProperties("kkb.retention")
public record RetentionProperties(
    @DefaultValue("P6M") Period requestsWithoutSelection,
    @DefaultValue("5") int consultationYearsAfterProgrammeEnd,
    @DefaultValue("P1Y") Period staffNotices,
    @DefaultValue("P2Y") Period audit,
    @DefaultValue("P30D") Period technicalProcesses,
    @DefaultValue("01:00") LocalTime cleanupWindowStart,
    @DefaultValue("05:00") LocalTime cleanupWindowEnd) {

  public RetentionProperties {
    positive("requests-without-selection", requestsWithoutSelection);
    positive("staff-notices", staffNotices);
    positive("audit", audit);
    positive("technical-processes", technicalProcesses);
    if (consultationYearsAfterProgrammeEnd < 0) {
      throw new IllegalArgumentException("kkb.retention.consultation-years-after-programme-end: "
          + "eine Zahl von Jahren ab 0, angegeben: " + consultationYearsAfterProgrammeEnd);
    }
    if (cleanupWindowStart.equals(cleanupWindowEnd)) {
      throw new IllegalArgumentException("kkb.retention.cleanup-window-start und -end: das Löschfenster "
          + "ist leer (" + cleanupWindowStart + " bis " + cleanupWindowEnd + ")");
    }
    if (cleanupWindowStart.getSecond() != 0 || cleanupWindowEnd.getSecond() != 0
        || cleanupWindowStart.getNano() != 0 || cleanupWindowEnd.getNano() != 0) {
      throw new IllegalArgumentException("kkb.retention.cleanup-window-start und -end: Uhrzeiten in "
          + "Stunden und Minuten (HH:mm), angegeben: " + cleanupWindowStart + " bis " + cleanupWindowEnd);
    }
  }

  private static void positive(String name, Period period) {
    if (period.isZero() || period.isNegative() || period.getYears() < 0 || period.getMonths() < 0
        || period.getDays() < 0) {
      throw new IllegalArgumentException("kkb.retention." + name + ": eine Frist größer als null "
          + "(ISO 8601, z. B. P6M), angegeben: " + period);
    }
  }

  /** Whether a time of day (Berlin) lies in the nightly window; a window may pass midnight. */
  public boolean inWindow(LocalTime time) {
    if (cleanupWindowStart.isBefore(cleanupWindowEnd)) {
      return !time.isBefore(cleanupWindowStart) && time.isBefore(cleanupWindowEnd);
    }
    return !time.isBefore(cleanupWindowStart) || time.isBefore(cleanupWindowEnd);
  }

  /** The platform's clean-up timer: every day at the window's start, Europe/Berlin. */
  public String nightlyCron() {
    return "0 " + cleanupWindowStart.getMinute() + " " + cleanupWindowStart.getHour() + " * * ?";
  }
}
