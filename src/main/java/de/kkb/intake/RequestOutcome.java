package de.kkb.intake;

import java.util.Map;
import java.util.Optional;

import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.ConsultationRequestProcess.EligibilityOutputs;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * What the confirmation page tells about a request just submitted: its current status and, when
 * the eligibility decision refused it, the decision's reason in plain German (the same reason the
 * status page shows, {@link #ineligibilityReason(Object)}). Both are read from the
 * engine's history, so the page shows what the process did, whether it still runs or already ended.
 */
@Component
public class RequestOutcome {

  private final HistoryService historyService;

  public RequestOutcome(HistoryService historyService) {
    this.historyService = historyService;
  }

  /** The status and reason of the request with this reference; empty for an unknown reference. */
  public Optional<Outcome> of(String reference) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ConsultationRequestProcess.KEY).processInstanceBusinessKey(reference)
        .singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    HistoricVariableInstance status = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(ConsultationRequestProcess.Variables.REQUEST_STATUS).singleResult();
    return Optional.of(new Outcome(status == null || status.getValue() == null ? null : status.getValue().toString(),
        ineligibilityReason(instance.getId())));
  }

  /** The reason of the eligibility decision, when it found the request not eligible. */
  private String ineligibilityReason(String processInstanceId) {
    HistoricVariableInstance eligibility = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(ConsultationRequestProcess.Variables.ELIGIBILITY)
        .singleResult();
    return eligibility == null ? null : ineligibilityReason(eligibility.getValue());
  }

  /**
   * The reason in the decision's result ({@code eligibility}, a map of its outputs), or null when the
   * request is eligible or not yet decided.
   */
  static String ineligibilityReason(Object eligibility) {
    if (eligibility instanceof Map<?, ?> outputs && !Boolean.TRUE.equals(outputs.get(EligibilityOutputs.ELIGIBLE))
        && outputs.get(EligibilityOutputs.INELIGIBILITY_REASON) != null) {
      return outputs.get(EligibilityOutputs.INELIGIBILITY_REASON).toString();
    }
    return null;
  }

  /** The status label (as {@link de.kkb.vocabulary.RequestStatus}) and the reason, or null. */
  public record Outcome(String status, String ineligibilityReason) {
  }
}
