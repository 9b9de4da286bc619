package de.kkb.notification;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Registers the sending job and tells people about their tasks: every user task of every model
 * notifies its candidate groups when it is created and its assignee when it is assigned.
 */
public class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final SendNotificationJobHandler handler;
  private final Notices notices;
  private final NotificationRetries retries;

  public NotificationPlugin(SendNotificationJobHandler handler, Notices notices,
      NotificationRetries retries) {
    this.handler = handler;
    this.notices = notices;
    this.retries = retries;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(handler);
    configuration.setFailedJobCommandFactory(retries);
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener created = notices::taskCreated;
    TaskListener assigned = notices::taskAssigned;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, created);
        task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assigned);
      }
    });
  }
}
