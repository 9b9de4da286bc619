package de.kkb.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the variable {@code phase} on the consultation, so that Tasklist columns, Cockpit and
 * reports show where a municipality stands: {@code ${phaseTracker.enter(execution, 'Konfliktanalyse')}}.
 */
@Component
public class PhaseTracker {

  public static final String PHASE = "phase";
  public static final String IMPLEMENTATION = "Umsetzung";
  /** Whether implementation was reached: until then a withdrawal frees the municipality's place. */
  public static final String REACHED_IMPLEMENTATION = "reachedImplementation";

  public void enter(DelegateExecution execution, String phase) {
    execution.getProcessInstance().setVariable(PHASE, phase);
    if (IMPLEMENTATION.equals(phase)) {
      execution.getProcessInstance().setVariable(REACHED_IMPLEMENTATION, true);
    }
  }
}
