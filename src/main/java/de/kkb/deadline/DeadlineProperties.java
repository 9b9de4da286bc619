package de.kkb.deadline;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.deadlines.*}: working days until a user task is due, per task id (e.g.
 * {@code Task_HoldFirstTalk: 15}) or the default, and how many working days before the due date the
 * follow-up (reminder) date lies, and after how many working days past due programme management is
 * told (escalation).
 */
@ConfigurationProperties("kkb.deadlines")
public record DeadlineProperties(
    @DefaultValue("10") int defaultWorkingDays,
    @DefaultValue("2") int reminderWorkingDays,
    @DefaultValue("5") int escalationGraceWorkingDays,
    Map<String, Integer> tasks) {

  public DeadlineProperties {
    tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
  }

  public int workingDaysFor(String taskDefinitionKey) {
    return tasks.getOrDefault(taskDefinitionKey, defaultWorkingDays);
  }
}
