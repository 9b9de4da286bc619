package de.kkb.consultation;

import java.util.Set;

import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.Phase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Keeps the variable {@code phase} on the consultation, so that Tasklist columns, Cockpit, the
 * report and the timeline show where a municipality stands. Called from the consultation model at
 * the start of each phase: {@code ${phaseTracker.enter(execution, 'Konfliktanalyse')}}; the label
 * must be one of {@link Phase}.
 *
 * <p>It also keeps {@code placeFreed}, which the request model asks after the consultation ("Platz
 * vor der Umsetzung frei geworden?"): a consultation that ends withdrawn or without a mandate before
 * implementation gives its place back to the round.
 */
@Component
public class PhaseTracker {

  private static final String REACHED_IMPLEMENTATION = ConsultationProcess.Variables.REACHED_IMPLEMENTATION;
  private static final Set<Phase> ENDS_FREEING_THE_PLACE = Set.of(Phase.WITHDRAWN, Phase.NO_MANDATE);

  public void enter(DelegateExecution execution, String label) {
    Phase phase = Phase.ofLabel(label);
    VariableScope consultation = execution.getProcessInstance();
    consultation.setVariable(CommonVariables.PHASE, phase.label());
    if (phase == Phase.IMPLEMENTATION) {
      consultation.setVariable(REACHED_IMPLEMENTATION, true);
    }
    boolean reached = Boolean.TRUE.equals(consultation.getVariable(REACHED_IMPLEMENTATION));
    Boolean placeFreed = !reached && ENDS_FREEING_THE_PLACE.contains(phase);
    // Written when it changes only: each write of the same value is one more history row.
    if (!placeFreed.equals(consultation.getVariable(ConsultationRequestProcess.Variables.PLACE_FREED))) {
      consultation.setVariable(ConsultationRequestProcess.Variables.PLACE_FREED, placeFreed);
    }
  }
}
