package de.kkb.deadline;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.deadlines.*}: working days until a user task is due, per task id (e.g.
 * {@code Task_HoldFirstTalk: 15}) or the default, and how many working days before the due date the
 * follow-up (reminder) date lies, and after how many working days past due programme management is
 * told (escalation), and the hour (Europe/Berlin) of the morning round on working days: the watch,
 * then the daily digests.
 */
@ConfigurationProperties("kkb.deadlines")
public record DeadlineProperties(
    @DefaultValue("10") int defaultWorkingDays,
    @DefaultValue("2") int reminderWorkingDays,
    @DefaultValue("5") int escalationGraceWorkingDays,
    @DefaultValue("7") int morningHour,
    Map<String, Integer> tasks) {

  public DeadlineProperties {
    if (morningHour < 0 || morningHour > 23) {
      throw new IllegalArgumentException("kkb.deadlines.morning-hour: eine Stunde von 0 bis 23, angegeben: "
          + morningHour);
    }
    tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
  }

  /** The morning round's timer: every day at {@link #morningHour}, Europe/Berlin. */
  public String morningCron() {
    return "0 0 " + morningHour + " * * ?";
  }

  public int workingDaysFor(String taskDefinitionKey) {
    return tasks.getOrDefault(taskDefinitionKey, defaultWorkingDays);
  }
}
