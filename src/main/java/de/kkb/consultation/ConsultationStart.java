package de.kkb.consultation;

import java.util.Map;

import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.CommonVariables;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of a consultation, whether from Tasklist's start form or from a selected request: the
 * reference becomes the business key, the carrier's display name is derived from its group, and
 * the lead and team are checked against the carrier's consultants.
 * The consultation model's start event calls it as a delegate ({@code ${consultationStart}}), so
 * that a refused start form reaches Tasklist as the engine's 400 with the German reason.
 */
@Component
public class ConsultationStart implements ExecutionListener {

  private final ProgrammeCalendar programme;
  private final Consultants team;

  public ConsultationStart(ProgrammeCalendar programme, Consultants team) {
    this.programme = programme;
    this.team = team;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String carrierGroup = (String) execution.getVariable(CommonVariables.CARRIER_GROUP);
    String carrier = programme.carriers().entrySet().stream()
        .filter(entry -> entry.getValue().equals(carrierGroup))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unbekannter Träger (" + CommonVariables.CARRIER_GROUP + "): "
            + carrierGroup + ". Erlaubt sind " + String.join(", ", programme.carriers().values()) + "."));
    execution.setVariable(CommonVariables.CARRIER, carrier);
    // A lead chosen in the start form must be one of the carrier's consultants; without one (an
    // older caller of the API) the tasks wait in the carrier's group queue.
    if (team.lead(execution) != null) {
      team.require(execution, carrierGroup);
    }
    // The business key is the reference, never a key the caller chose.
    Object reference = execution.getVariable(CommonVariables.REFERENCE);
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && (reference == null || !businessKey.equals(reference.toString()))) {
      throw new BadUserRequestException("Der Geschäftsschlüssel einer Beratung ist ihr Aktenzeichen; "
          + "ein eigener Geschäftsschlüssel ist nicht erlaubt.");
    }
    if (businessKey == null && reference != null) {
      execution.setProcessBusinessKey(reference.toString());
    }
  }
}
