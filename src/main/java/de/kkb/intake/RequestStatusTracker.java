package de.kkb.intake;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The status an applicant sees, kept in the variable {@code requestStatus}: {@code ${requestStatusTracker.set(execution, 'Vorgespräch')}} on the
 * model's steps.
 */
@Component
public class RequestStatusTracker {

  public static final String VARIABLE = "requestStatus";
  public static final List<String> VALUES = List.of("eingegangen", "in Prüfung", "Unterlagen fehlen",
      "Vorgespräch", "ausgewählt", "Warteliste", "nicht ausgewählt", "zurückgezogen");

  public void set(DelegateExecution execution, String status) {
    if (!VALUES.contains(status)) {
      throw new IllegalArgumentException("Unbekannter Status: " + status);
    }
    execution.getProcessInstance().setVariable(VARIABLE, status);
  }
}
