package de.kkb.deadline;

import java.time.ZonedDateTime;
import java.util.Date;

import de.kkb.platform.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives every user task, when it is created, a due date in working days of NRW (per task from
 * {@code kkb.deadlines.tasks}, else the default) and a follow-up date a few working days before it,
 * which Tasklist shows and the reminders use.
 */
@Component
public class TaskDeadlines implements TaskListener {


  private final DueDateCalculator dueDates;
  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;

  public TaskDeadlines(DueDateCalculator dueDates, WorkingDayCalendar calendar,
      DeadlineProperties properties) {
    this.dueDates = dueDates;
    this.calendar = calendar;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() != null) {
      return;
    }
    ZonedDateTime now = EngineClock.nowInBerlin();
    ZonedDateTime due = dueDates.due(now, properties.workingDaysFor(task.getTaskDefinitionKey()));
    ZonedDateTime followUp = ZonedDateTime.of(
        calendar.subtractWorkingDays(due.toLocalDate(), properties.reminderWorkingDays()),
        due.toLocalTime(), EngineClock.BERLIN);
    task.setDueDate(Date.from(due.toInstant()));
    task.setFollowUpDate(Date.from((followUp.isBefore(now) ? now : followUp).toInstant()));
  }
}
