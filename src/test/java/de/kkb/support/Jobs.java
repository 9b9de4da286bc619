package de.kkb.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
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

  /** Executes every job that is due at the current engine time, repeatedly, until none is left. */
  public static int runDueJobs(ManagementService management) {
    int executed = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep becoming due: a timer loop?");
  }
}
