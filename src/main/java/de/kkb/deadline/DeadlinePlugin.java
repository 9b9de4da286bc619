package de.kkb.deadline;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Adds the deadline listener to every user task of every model, so no model can forget one and the
 * models stay free of it.
 */
@Component
public class DeadlinePlugin extends AbstractProcessEnginePlugin {

  private final TaskListener deadlines;

  @Autowired
  public DeadlinePlugin(TaskDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  /** For the standalone engine of the process tests. */
  public static DeadlinePlugin of(TaskListener deadlines) {
    return new DeadlinePlugin(deadlines);
  }

  private DeadlinePlugin(TaskListener deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior())
            .getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, deadlines);
      }
    });
  }
}
