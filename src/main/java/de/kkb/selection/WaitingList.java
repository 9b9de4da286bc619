package de.kkb.selection;

import java.util.Comparator;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The waiting list: requests waiting for the message {@code PlaceOffered}, first come first served
 * by the time they were put on the list.
 */
@Component
public class WaitingList {

  public static final String MESSAGE = "PlaceOffered";
  static final String SINCE = "waitingListSince";
  static final String NEXT = "nextOnWaitingList";
  static final String NEXT_NAME = "nextOnWaitingListName";

  public void join(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(SINCE,
        ClockUtil.getCurrentTime().toInstant().toString());
  }

  /** Start listener of "Freien Platz vergeben": shows who would move up. */
  public void lookUpFirst(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    Optional<ProcessInstance> first = runtime.createEventSubscriptionQuery().eventType("message")
        .eventName(MESSAGE).list().stream()
        .map(s -> runtime.createProcessInstanceQuery().processInstanceId(s.getProcessInstanceId())
            .singleResult())
        .min(Comparator.comparing((ProcessInstance pi) -> (String) runtime.getVariable(pi.getId(), SINCE))
            .thenComparing(ProcessInstance::getBusinessKey));
    execution.setVariable(NEXT, first.map(ProcessInstance::getBusinessKey).orElse(null));
    execution.setVariable(NEXT_NAME, first
        .map(pi -> (String) runtime.getVariable(pi.getId(), "municipalityName"))
        .orElse("niemand – die Warteliste ist leer"));
  }

  /** Complete listener of "Freien Platz vergeben": offers the place when programme management chose to. */
  public void offerIfChosen(DelegateTask task) {
    Object next = task.getVariable(NEXT);
    if ("OFFER".equals(task.getVariable("offerPlace")) && next != null) {
      task.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(next.toString())
          .correlate();
    }
  }
}
