package de.kkb.consultation;

import java.util.Map;

import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.CommonVariables;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Start of a consultation, whether from Tasklist's start form or from a selected request: the
 * reference becomes the business key, and the carrier's display name is derived from its group.
 * Called from the consultation model's start event: {@code ${consultationStart.start(execution)}}.
 */
@Component
public class ConsultationStart {

  private final ProgrammeCalendar programme;

  public ConsultationStart(ProgrammeCalendar programme) {
    this.programme = programme;
  }

  public void start(DelegateExecution execution) {
    String carrierGroup = (String) execution.getVariable(CommonVariables.CARRIER_GROUP);
    String carrier = programme.carriers().entrySet().stream()
        .filter(entry -> entry.getValue().equals(carrierGroup))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unbekannter Träger (" + CommonVariables.CARRIER_GROUP + "): "
            + carrierGroup + ". Erlaubt sind " + String.join(", ", programme.carriers().values()) + "."));
    execution.setVariable(CommonVariables.CARRIER, carrier);
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
