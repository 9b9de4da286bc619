package de.kkb.consultation;

import java.util.Set;

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
  /**
   * Whether the consultation gives its place back to the round: it ended withdrawn or without a
   * mandate before implementation. The request model asks "Platz vor der Umsetzung frei geworden?".
   */
  public static final String PLACE_FREED = "placeFreed";
  private static final Set<String> ENDS_FREEING_THE_PLACE = Set.of("Zurückgezogen", "Kein Mandat");

  public void enter(DelegateExecution execution, String phase) {
    execution.getProcessInstance().setVariable(PHASE, phase);
    if (IMPLEMENTATION.equals(phase)) {
      execution.getProcessInstance().setVariable(REACHED_IMPLEMENTATION, true);
    }
    boolean reached = Boolean.TRUE.equals(execution.getProcessInstance().getVariable(REACHED_IMPLEMENTATION));
    execution.getProcessInstance().setVariable(PLACE_FREED,
        !reached && ENDS_FREEING_THE_PLACE.contains(phase));
  }
}
