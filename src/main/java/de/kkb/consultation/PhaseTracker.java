package de.kkb.consultation;

import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.Phase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the variable {@code phase} on the consultation, so that Tasklist columns, Cockpit, the
 * report and the timeline show where a municipality stands. Called from the consultation model at
 * the start of each phase: {@code ${phaseTracker.enter(execution, 'Konfliktanalyse')}}; the label
 * must be one of {@link Phase}. Reaching implementation is remembered: until then a withdrawal
 * frees the municipality's place.
 */
@Component
public class PhaseTracker {

  public void enter(DelegateExecution execution, String label) {
    Phase phase = Phase.ofLabel(label);
    execution.getProcessInstance().setVariable(CommonVariables.PHASE, phase.label());
    if (phase == Phase.IMPLEMENTATION) {
      execution.getProcessInstance().setVariable(
          ConsultationRequestProcess.Variables.REACHED_IMPLEMENTATION, true);
    }
  }
}
