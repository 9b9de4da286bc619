package de.kkb.selection;

import java.util.Comparator;
import java.util.Optional;

import de.kkb.platform.EngineClock;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationRequestProcess.Variables;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The waiting list: requests waiting for the message {@code PlaceOffered}, first come first served
 * by the time they were put on the list. Called from the request model:
 * {@code ${waitingList.join(execution)}}, {@code ${waitingList.lookUpFirst(execution)}},
 * {@code ${waitingList.offerIfChosen(task)}}.
 */
@Component
public class WaitingList {

  private static final String MESSAGE = ConsultationRequestProcess.Messages.PLACE_OFFERED;
  private static final String SINCE = Variables.WAITING_LIST_SINCE;
  private static final String NEXT = Variables.NEXT_ON_WAITING_LIST;

  public void join(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(SINCE,
        EngineClock.now().toString());
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
    execution.setVariable(Variables.NEXT_ON_WAITING_LIST_NAME, first
        .map(pi -> (String) runtime.getVariable(pi.getId(), CommonVariables.MUNICIPALITY_NAME))
        .orElse("niemand – die Warteliste ist leer"));
  }

  /** Complete listener of "Freien Platz vergeben": offers the place when programme management chose to. */
  public void offerIfChosen(DelegateTask task) {
    Object next = task.getVariable(NEXT);
    if (ConsultationRequestProcess.Values.OFFER.equals(task.getVariable(Variables.OFFER_PLACE)) && next != null) {
      task.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(next.toString())
          .correlate();
    }
  }
}
