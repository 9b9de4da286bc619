package de.kkb.vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * Where a consultation stands, kept in the variable {@link CommonVariables#PHASE} as the German
 * label. The five working phases follow each other; the others are how a consultation ends.
 * The models name a phase by its label ({@code ${phaseTracker.enter(execution, 'Umsetzung')}}).
 */
public enum Phase {

  MANDATE_CLARIFICATION("Auftragsklärung", "#6c8ebf"),
  CONFLICT_ANALYSIS("Konfliktanalyse", "#d79b00"),
  ACTION_CONCEPT("Handlungskonzept", "#9673a6"),
  IMPLEMENTATION("Umsetzung", "#82b366"),
  EVALUATION("Auswertung und Abschluss", "#b85450"),
  COMPLETED("Abgeschlossen", null),
  NO_MANDATE("Kein Mandat", null),
  WITHDRAWN("Zurückgezogen", null),
  PROGRAMME_END("Programmende", null);

  private final String label;
  private final String colour;

  Phase(String label, String colour) {
    this.label = label;
    this.colour = colour;
  }

  /** The German name people see, and the value of the variable. */
  public String label() {
    return label;
  }

  /** The colour of the phase's bar in the timeline; only working phases have one. */
  public String colour() {
    return colour;
  }

  public boolean isWorkingPhase() {
    return colour != null;
  }

  /** The five working phases, in their order. */
  public static List<Phase> workingPhases() {
    return Arrays.stream(values()).filter(Phase::isWorkingPhase).toList();
  }

  /** The phase with this label; an unknown label is a modelling error. */
  public static Phase ofLabel(String label) {
    return Arrays.stream(values()).filter(phase -> phase.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unbekannte Phase: " + label));
  }
}
