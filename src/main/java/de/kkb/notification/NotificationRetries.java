package de.kkb.notification;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import de.kkb.platform.EngineClock;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Retries for sending jobs, which belong to no activity and so get no retry cycle from the engine:
 * one try now and one after each interval (default 5, 10, 15 and 30 minutes: five tries in about an
 * hour); after the last the job has no retries left and Cockpit shows an incident. Other jobs keep
 * the engine's strategy.
 */
public class NotificationRetries implements FailedJobCommandFactory {

  private final List<Duration> intervals;

  public NotificationRetries(List<Duration> intervals) {
    this.intervals = List.copyOf(intervals);
  }

  /** Retries a sending job starts with. */
  public int initialRetries() {
    return intervals.size() + 1;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return new DefaultJobRetryCmd(jobId, exception) {
      @Override
      public Object execute(CommandContext commandContext) {
        JobEntity job = getJob();
        if (job == null || !SendNotificationJobHandler.TYPE.equals(job.getJobHandlerType())) {
          return super.execute(commandContext);
        }
        int triesSoFar = initialRetries() - job.getRetries() + 1;
        job.unlock();
        logException(job);
        decrementRetries(job);
        if (job.getRetries() > 0) {
          Duration wait = intervals.get(Math.min(triesSoFar - 1, intervals.size() - 1));
          job.setDuedate(new Date(EngineClock.now().toEpochMilli() + wait.toMillis()));
        }
        notifyAcquisition(commandContext);
        return null;
      }
    };
  }
}
