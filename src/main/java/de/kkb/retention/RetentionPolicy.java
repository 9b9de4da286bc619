package de.kkb.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.CriticalSituationProcess;
import de.kkb.vocabulary.DataRetentionProcess;
import de.kkb.vocabulary.DeadlineWatchProcess;
import de.kkb.vocabulary.InterimReportProcess;
import de.kkb.vocabulary.InterventionProcess;
import de.kkb.vocabulary.ProgrammeRoundProcess;
import de.kkb.vocabulary.WithdrawalRecordingProcess;
import org.springframework.stereotype.Component;

/**
 * Which period applies to which process, in one place: the engine's removal times
 * ({@link RetentionRemovalTimeProvider}), the time to live every definition shows
 * ({@link HistoryTimeToLiveParseListener}) and the platform's own clean-up
 * ({@link PlatformDataCleanup}) all ask here.
 */
@Component
public class RetentionPolicy {

  /** Processes that hold no personal data worth keeping: gone {@code technical-processes} after their end. */
  static final Set<String> TECHNICAL = Set.of(DeadlineWatchProcess.KEY, InterimReportProcess.KEY,
      DataRetentionProcess.KEY);
  /**
   * Processes of a selected municipality and of the round: funding documentation, kept until the
   * programme's end plus {@code consultation-years-after-programme-end}.
   */
  static final Set<String> PROGRAMME = Set.of(ConsultationProcess.KEY, InterventionProcess.KEY,
      CriticalSituationProcess.KEY, WithdrawalRecordingProcess.KEY, ProgrammeRoundProcess.KEY);

  private final RetentionProperties retention;
  private final ProgrammeCalendar programme;

  public RetentionPolicy(RetentionProperties retention, ProgrammeCalendar programme) {
    this.retention = retention;
    this.programme = programme;
  }

  public RetentionProperties properties() {
    return retention;
  }

  /**
   * When the history of a root process instance that ended goes; empty for a process the platform
   * does not know (the engine's time to live applies). A request is the root of its consultation
   * (call activity): {@code selected} says whether it called one.
   */
  public Optional<Instant> removalTime(String processKey, Instant end, boolean selected) {
    if (ConsultationRequestProcess.KEY.equals(processKey)) {
      return Optional.of(selected ? programmeRemoval() : after(end, retention.requestsWithoutSelection()));
    }
    if (PROGRAMME.contains(processKey)) {
      return Optional.of(programmeRemoval());
    }
    if (TECHNICAL.contains(processKey)) {
      return Optional.of(after(end, retention.technicalProcesses()));
    }
    return Optional.empty();
  }

  /** Until when a selected municipality's data is kept: the programme's end plus the configured years. */
  public Instant programmeRemoval() {
    return programme.end().plusYears(retention.consultationYearsAfterProgrammeEnd()).toInstant();
  }

  /**
   * The time to live in days that a definition shows (Cockpit, the engine's cleanup report): the
   * period counted from the programme's last day; empty for a process the platform does not know.
   * The removal time itself comes from {@link #removalTime}, exact to the calendar.
   */
  public Optional<Integer> historyTimeToLiveDays(String processKey) {
    LocalDate base = programme.lastDay();
    if (ConsultationRequestProcess.KEY.equals(processKey)) {
      return Optional.of(days(base, retention.requestsWithoutSelection()));
    }
    if (PROGRAMME.contains(processKey)) {
      return Optional.of(days(base, Period.ofYears(retention.consultationYearsAfterProgrammeEnd())));
    }
    if (TECHNICAL.contains(processKey)) {
      return Optional.of(days(base, retention.technicalProcesses()));
    }
    return Optional.empty();
  }

  /** {@code technical-processes} in days, for what the engine keeps without a process (batches, its job log). */
  public int technicalDays() {
    return days(programme.lastDay(), retention.technicalProcesses());
  }

  /** Whether a process's instances say nothing about a municipality's request that must be kept. */
  public boolean technical(String processKey) {
    return TECHNICAL.contains(processKey);
  }

  static Instant after(Instant moment, Period period) {
    return moment.atZone(EngineClock.BERLIN).plus(period).toInstant();
  }

  static Instant before(Instant moment, Period period) {
    return moment.atZone(EngineClock.BERLIN).minus(period).toInstant();
  }

  private static int days(LocalDate base, Period period) {
    return Math.toIntExact(ChronoUnit.DAYS.between(base, base.plus(period)));
  }
}
