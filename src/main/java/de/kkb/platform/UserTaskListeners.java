package de.kkb.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
 * Adds the platform's task listeners (due dates, notices) to every user task of every model when it
 * is parsed, so that no model can forget them and the models stay free of them.
 */
public class UserTaskListeners extends AbstractProcessEnginePlugin {

  private final List<Registration> registrations;

  public UserTaskListeners(List<Registration> registrations) {
    this.registrations = List.copyOf(registrations);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    forEveryUserTask(configuration,
        task -> registrations.forEach(r -> task.addTaskListener(r.event(), r.listener())));
  }

  /** Lets a plugin change every user task of every model when it is parsed. */
  static void forEveryUserTask(ProcessEngineConfigurationImpl configuration, Consumer<TaskDefinition> change) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        change.accept(((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
      }
    });
  }

  /** A listener for one task event ({@code create}, {@code assignment}, …). */
  public record Registration(String event, TaskListener listener) {
  }
}
