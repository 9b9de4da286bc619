package de.kkb.retention;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Sets every known process definition's history time to live from {@code kkb.retention} when the
 * engine parses it, in place of the value in the model (which Camunda Modeler requires).
 */
class HistoryTimeToLiveParseListener extends AbstractBpmnParseListener {

  private final RetentionPolicy policy;

  HistoryTimeToLiveParseListener(RetentionPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    policy.historyTimeToLiveDays(processDefinition.getKey()).ifPresent(processDefinition::setHistoryTimeToLive);
  }
}
