package de.kkb.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Moves the engine clock and runs what is due, the way the job executor would. */
public final class Jobs {

  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private Jobs() {
  }

  public static void setClock(ZonedDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  public static void setClock(String isoLocalDateTime) {
    setClock(LocalDateTime.parse(isoLocalDateTime).atZone(BERLIN));
  }

  /** A Berlin local date-time (e.g. {@code "2024-03-26T09:00"}) as the engine's {@link Date}. */
  public static Date berlin(String isoLocalDateTime) {
    return Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(BERLIN).toInstant());
  }

  /**
   * Executes every job that is due at the current engine time (timers, notifications), repeatedly,
   * until none is left, and returns how many timers fired.
   */
  public static int runDueJobs(ManagementService management) {
    int executed = 0;
    // One at a time: a job may end a process instance and take other jobs with it.
    for (int round = 0; round < 1000; round++) {
      List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return executed;
      }
      Job job = due.get(0);
      management.executeJob(job.getId());
      if (job instanceof TimerEntity) {
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep becoming due: a timer loop?");
  }

  /** Waits, with the job executor running, until no job is due any more; fails after {@code timeout}. */
  public static void awaitJobExecutor(ManagementService management, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (management.createJobQuery().executable().count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the job executor did not work off the due jobs within " + timeout);
      }
      LockSupport.parkNanos(2_000_000);
    }
  }
}
