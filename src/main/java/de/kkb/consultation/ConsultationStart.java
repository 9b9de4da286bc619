package de.kkb.consultation;

import java.util.Map;
import java.util.TreeMap;

import de.kkb.identity.KkbGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Start of a consultation, whether from Tasklist's start form or from a selected request: the
 * reference becomes the business key, and the carrier's display name is derived from its group.
 */
@Component("consultationStart")
public class ConsultationStart {

  static final Map<String, String> CARRIERS = new TreeMap<>(Map.of(
      KkbGroups.CONSULTANTS_K3B, "K3B",
      KkbGroups.CONSULTANTS_FORUMZFD, "forumZFD"));

  public void start(DelegateExecution execution) {
    String carrierGroup = (String) execution.getVariable("carrierGroup");
    String carrier = CARRIERS.get(carrierGroup);
    if (carrier == null) {
      throw new IllegalArgumentException("Unbekannter Träger (carrierGroup): " + carrierGroup
          + ". Erlaubt sind " + String.join(", ", CARRIERS.keySet()) + ".");
    }
    execution.setVariable("carrier", carrier);
    Object reference = execution.getVariable("reference");
    if (execution.getProcessBusinessKey() == null && reference != null) {
      execution.setProcessBusinessKey(reference.toString());
    }
  }
}
