package de.kkb.consultation;

import de.kkb.identity.KkbGroups;
import de.kkb.platform.EngineAsPlatform;
import de.kkb.platform.FormInputRefused;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.CriticalSituationProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A consultant reports a critical situation from Tasklist ("Kritische Lage melden"): the report goes
 * to the consultation with that reference, whose programme management then assesses it. Only the
 * consultants of the carrier that advises the municipality may report for it; anyone else, and an
 * unknown or ended reference, gets the same German refusal, so that nothing about other carriers'
 * municipalities can be learnt from it. Called from the model:
 * {@code ${criticalSituations}} (a delegate: its refusal reaches Tasklist as the engine's 400).
 */
@Component
public class CriticalSituations implements JavaDelegate {

  public static final String REFUSAL = "Zu diesem Aktenzeichen gibt es keine laufende Beratung Ihres Trägers. "
      + "Bitte das Aktenzeichen prüfen; es steht in Tasklist bei jeder Aufgabe der Beratung.";

  @Override
  public void execute(DelegateExecution execution) {
    Object reference = execution.getVariable(CommonVariables.REFERENCE);
    Authentication reporter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance consultation = reference == null ? null : EngineAsPlatform.call(() -> runtime
        .createProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(reference.toString()).active().singleResult());
    Object carrierGroup = consultation == null ? null
        : EngineAsPlatform.call(() -> runtime.getVariable(consultation.getId(), CommonVariables.CARRIER_GROUP));
    if (carrierGroup == null || reporter == null || reporter.getGroupIds() == null
        || !(reporter.getGroupIds().contains(carrierGroup.toString())
            || reporter.getGroupIds().contains(KkbGroups.ADMINS))) {
      throw new FormInputRefused(CommonVariables.REFERENCE, REFUSAL);
    }
    execution.setVariable(CommonVariables.MUNICIPALITY_NAME, EngineAsPlatform.call(() ->
        runtime.getVariable(consultation.getId(), CommonVariables.MUNICIPALITY_NAME)));
    Object description = execution.getVariable(CriticalSituationProcess.Variables.ESCALATION_DESCRIPTION);
    EngineAsPlatform.call(() -> runtime
        .createMessageCorrelation(ConsultationProcess.Messages.CRITICAL_ESCALATION_REPORTED)
        .processInstanceId(consultation.getId())
        .setVariable(ConsultationProcess.Variables.ESCALATION_DESCRIPTION, description)
        .correlateWithResult());
  }
}
