package de.kkb.intake;

import java.util.Optional;

import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.ConsultationRequestProcess.EligibilityOutputs;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * What the confirmation page tells about a request just submitted: its current status and, when
 * the eligibility decision refused it, the decision's reason in plain German. Both are read from the
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
    for (HistoricDecisionInstance decision : historyService.createHistoricDecisionInstanceQuery()
        .processInstanceId(processInstanceId)
        .decisionDefinitionKey(ConsultationRequestProcess.ELIGIBILITY_DECISION)
        .includeOutputs().orderByEvaluationTime().desc().list()) {
      boolean eligible = true;
      String reason = null;
      for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
        if (EligibilityOutputs.ELIGIBLE.equals(output.getVariableName())) {
          eligible = Boolean.TRUE.equals(output.getValue());
        } else if (EligibilityOutputs.INELIGIBILITY_REASON.equals(output.getVariableName())
            && output.getValue() != null) {
          reason = output.getValue().toString();
        }
      }
      return eligible ? null : reason;
    }
    return null;
  }

  /** The status label (as {@link de.kkb.vocabulary.RequestStatus}) and the reason, or null. */
  public record Outcome(String status, String ineligibilityReason) {
  }
}
