package de.kkb.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the variable {@code phase} on the consultation, so that Tasklist columns, Cockpit and
 * reports show where a municipality stands: {@code ${phases.enter(execution, 'Konfliktanalyse')}}.
 */
@Component("phases")
public class PhaseTracker {

  public static final String PHASE = "phase";

  public void enter(DelegateExecution execution, String phase) {
    execution.getProcessInstance().setVariable(PHASE, phase);
  }
}
