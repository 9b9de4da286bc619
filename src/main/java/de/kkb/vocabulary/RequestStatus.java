package de.kkb.vocabulary;

import java.util.Arrays;

/**
 * The status an applicant sees, kept in the variable
 * {@link ConsultationRequestProcess.Variables#REQUEST_STATUS} as the German label. The request model
 * names a status by its label ({@code ${requestStatusTracker.set(execution, 'Vorgespräch')}}).
 */
public enum RequestStatus {

  RECEIVED("eingegangen"),
  IN_REVIEW("in Prüfung"),
  DOCUMENTS_MISSING("Unterlagen fehlen"),
  PRELIMINARY_TALK("Vorgespräch"),
  SELECTED("ausgewählt"),
  WAITING_LIST("Warteliste"),
  NOT_SELECTED("nicht ausgewählt"),
  WITHDRAWN("zurückgezogen");

  private final String label;

  RequestStatus(String label) {
    this.label = label;
  }

  /** The German status people see, and the value of the variable. */
  public String label() {
    return label;
  }

  /** The status with this label; an unknown label is a modelling error. */
  public static RequestStatus ofLabel(String label) {
    return Arrays.stream(values()).filter(status -> status.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unbekannter Status: " + label));
  }
}
