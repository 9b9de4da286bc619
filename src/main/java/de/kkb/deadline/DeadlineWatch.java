package de.kkb.deadline;

import java.time.LocalDate;
import java.util.Date;
import java.util.Set;

import de.kkb.identity.KkbGroups;
import de.kkb.notification.Notices;
import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The morning look at all open tasks on working days ({@code ${deadlineWatch.check()}} in "Fristen
 * überwachen"): a reminder from the follow-up date and an overdue notice once the due date has passed,
 * for the people who want each at once (the others read them in their daily digest), and an
 * escalation to programme management after the grace period, always at once. Due and follow-up
 * dates are read as they are now, so a date moved in Tasklist moves its notices too; stable notice
 * ids make every notice go out once however often the watch runs. The model also asks
 * {@code ${deadlineWatch.workingDay()}} and {@code ${deadlineWatch.morningCron()}}.
 */
@Component
public class DeadlineWatch {

  private final TaskService taskService;
  private final Notices notices;
  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;
  private final ProgrammeCalendar programme;

  private final RuntimeService runtimeService;

  public DeadlineWatch(@Lazy TaskService taskService, @Lazy RuntimeService runtimeService,
      @Qualifier("notices") Notices notices, WorkingDayCalendar calendar,
      DeadlineProperties properties, ProgrammeCalendar programme) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.notices = notices;
    this.calendar = calendar;
    this.properties = properties;
    this.programme = programme;
  }

  /** Whether today is a working day in NRW: weekends and public holidays bring no mail. */
  public boolean workingDay() {
    return calendar.isWorkingDay(EngineClock.today());
  }

  public String morningCron() {
    return properties.morningCron();
  }

  public void check() {
    Date now = EngineClock.nowAsDate();
    LocalDate today = EngineClock.day(now);
    boolean programmeOver = !now.toInstant().isBefore(programme.end().toInstant());
    // Who wants reminders and overdue tasks at once, read once for all tasks; the rest read the digest.
    Set<String> immediate = notices.wantingEachTask();
    for (Task task : taskService.createTaskQuery().active().dueBefore(now).list()) {
      if (!programmeOver) {
        toAssigneeOrGroups(task, "task-overdue", "overdue|" + task.getDueDate().getTime(), immediate);
      }
      LocalDate dueDay = EngineClock.day(task.getDueDate());
      LocalDate escalateFrom = calendar.addWorkingDays(dueDay, properties.escalationGraceWorkingDays());
      if (!today.isBefore(escalateFrom)) {
        for (User manager : notices.members(KkbGroups.PROGRAMME_MANAGEMENT)) {
          send(task, "task-escalation", manager, "escalation|" + task.getDueDate().getTime());
        }
      }
    }
    if (programmeOver) {
      return;
    }
    for (Task task : taskService.createTaskQuery().active().followUpBeforeOrNotExistent(now).dueAfter(now).list()) {
      if (task.getFollowUpDate() != null) {
        toAssigneeOrGroups(task, "task-reminder", "reminder|" + task.getFollowUpDate().getTime(), immediate);
      }
    }
  }

  /** The task's assignee, else the members of its candidate groups, each if among {@code immediate}. */
  private void toAssigneeOrGroups(Task task, String template, String key, Set<String> immediate) {
    if (immediate.isEmpty()) {
      return;
    }
    if (task.getAssignee() != null) {
      User assignee = immediate.contains(task.getAssignee()) ? notices.user(task.getAssignee()) : null;
      if (assignee != null) {
        send(task, template, assignee, key);
      }
      return;
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
        for (User member : notices.members(link.getGroupId())) {
          if (immediate.contains(member.getId())) {
            send(task, template, member, key);
          }
        }
      }
    }
  }

  private void send(Task task, String template, User user, String key) {
    String businessKey = runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    notices.toUser(user, template, businessKey, task.getProcessInstanceId(), task.getId() + "|" + key,
        notices.taskModel(runtimeService.getVariables(task.getExecutionId()), task.getId(),
            task.getName(), task.getDueDate()));
  }
}
