package de.kkb.platform;

import java.util.List;

import de.kkb.consultation.Consultants;
import de.kkb.deadline.TaskDeadlines;
import de.kkb.identity.InstanceReadGrants;
import de.kkb.notification.Notices;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every user task gets a due date when created, its consultants may read its instance (Tasklist's
 * columns), and its people are told about it; a consultant who takes a task over becomes the
 * consultation's lead.
 */
@Configuration
public class UserTaskListenersConfiguration {

  @Bean
  UserTaskListeners userTaskListeners(TaskDeadlines deadlines, @Qualifier("notices") Notices notices,
      Consultants team, InstanceReadGrants readGrants) {
    return new UserTaskListeners(of(deadlines, notices, team, readGrants));
  }

  /** Due dates first: the notice about a new task names its due date. */
  public static List<UserTaskListeners.Registration> of(TaskListener deadlines, Notices notices,
      Consultants team, InstanceReadGrants readGrants) {
    return List.of(
        new UserTaskListeners.Registration(TaskListener.EVENTNAME_CREATE, deadlines),
        new UserTaskListeners.Registration(TaskListener.EVENTNAME_CREATE, readGrants),
        new UserTaskListeners.Registration(TaskListener.EVENTNAME_CREATE, notices::taskCreated),
        new UserTaskListeners.Registration(TaskListener.EVENTNAME_ASSIGNMENT, notices::taskAssigned),
        new UserTaskListeners.Registration(TaskListener.EVENTNAME_ASSIGNMENT, team::takeOver));
  }
}
