package de.kkb.consultation;

import de.kkb.identity.KkbGroups;
import de.kkb.platform.EngineAsPlatform;
import de.kkb.platform.FormInputRefused;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.WithdrawalRecordingProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A municipality leaves its running consultation: the consultation takes its withdrawal path, and
 * its request (when it came from one) confirms the withdrawal to the applicant. Recorded by the
 * applicant on the status page ({@code ApplicantPortal}) or by programme management from Tasklist
 * ("Rückzug einer Kommune erfassen": {@code ${withdrawals}}).
 */
@Component
public class Withdrawals implements JavaDelegate {

  /** Withdraws the running consultation and lets its request, if running, confirm it. */
  public void withdraw(RuntimeService runtime, String consultationId, String requestId,
      String consultationReason, String requestReason) {
    runtime.createMessageCorrelation(ConsultationProcess.Messages.WITHDRAWN)
        .processInstanceId(consultationId)
        .setVariable(ConsultationProcess.Variables.WITHDRAWAL_REASON, consultationReason)
        .correlate();
    if (requestId != null) {
      runtime.createMessageCorrelation(ConsultationRequestProcess.Messages.SELECTED_REQUEST_WITHDRAWN)
          .processInstanceId(requestId)
          .setVariable(ConsultationRequestProcess.Variables.WITHDRAWAL_REASON, requestReason)
          .correlate();
    }
  }

  /** Programme management records the withdrawal of the consultation named in the start form. */
  @Override
  public void execute(DelegateExecution execution) {
    Authentication recorder = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (recorder == null || recorder.getGroupIds() == null
        || !(recorder.getGroupIds().contains(KkbGroups.PROGRAMME_MANAGEMENT)
            || recorder.getGroupIds().contains(KkbGroups.ADMINS))) {
      throw new FormInputRefused(CommonVariables.REFERENCE, "Einen Rückzug erfasst die Programmsteuerung.");
    }
    Object reference = execution.getVariable(CommonVariables.REFERENCE);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance consultation = reference == null ? null : EngineAsPlatform.call(() -> runtime
        .createProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(reference.toString()).active().singleResult());
    if (consultation == null) {
      throw new FormInputRefused(CommonVariables.REFERENCE, "Zu diesem Aktenzeichen läuft keine Beratung. "
          + "Bitte das Aktenzeichen prüfen; eine Anfrage vor der Auswahl zieht die Kommune im Statusportal zurück.");
    }
    ProcessInstance request = EngineAsPlatform.call(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(ConsultationRequestProcess.KEY)
        .processInstanceBusinessKey(reference.toString()).active().singleResult());
    Object reason = execution.getVariable(WithdrawalRecordingProcess.Variables.WITHDRAWAL_REASON);
    execution.setVariable(CommonVariables.MUNICIPALITY_NAME, EngineAsPlatform.call(() ->
        runtime.getVariable(consultation.getId(), CommonVariables.MUNICIPALITY_NAME)));
    EngineAsPlatform.call(() -> {
      withdraw(runtime, consultation.getId(), request == null ? null : request.getId(),
          String.valueOf(reason), String.valueOf(reason));
      return null;
    });
  }
}
