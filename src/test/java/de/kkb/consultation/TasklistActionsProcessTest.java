package de.kkb.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.List;
import java.util.Map;

import de.kkb.identity.KkbGroups;
import de.kkb.platform.FormInputRefused;
import de.kkb.support.EngineTime;
import de.kkb.support.TestEngines;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.CriticalSituationProcess;
import de.kkb.vocabulary.InterventionProcess;
import de.kkb.vocabulary.WithdrawalRecordingProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two actions people start in Tasklist instead of a REST call: a consultant reports a critical
 * situation for a consultation of their own carrier ("Kritische Lage melden"), programme management
 * records a withdrawal ("Rückzug einer Kommune erfassen"). Started through their start forms as the
 * person Tasklist authenticates; a refusal leaves nothing behind.
 */
@EngineTime("2023-09-01T09:00")
@Deployment(resources = {"processes/critical-situation.bpmn", "processes/withdrawal-recording.bpmn",
    "processes/consultation.bpmn", "processes/intervention.bpmn"})
class TasklistActionsProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(TestEngines.processTestConfiguration())
      .excludeProcessDefinitionKeys(ConsultationProcess.KEY, InterventionProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  IdentityService identity;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
    identity = engine.getProcessEngine().getIdentityService();
  }

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  @Test
  void aConsultantReportsACriticalSituationAndProgrammeManagementAssessesIt() {
    ProcessInstance consultation = ConsultationProcessTest.start("consultants-k3b");
    identity.setAuthentication("k3b-anna", List.of("consultants-k3b"));
    ProcessInstance report = report(ConsultationProcessTest.REFERENCE, "Drohungen gegen die Moderation nach der Ratssitzung.");

    assertThat(report).isEnded().hasPassed("EndEvent_EscalationReported")
        .variables().containsEntry(CommonVariables.MUNICIPALITY_NAME, "Musterstadt");
    assertThat(taskQuery().processInstanceId(consultation.getId())
        .taskDefinitionKey(ConsultationProcess.Tasks.ASSESS_ESCALATION).singleResult())
        .hasCandidateGroup(KkbGroups.PROGRAMME_MANAGEMENT);
    assertThat(runtimeService().getVariable(consultation.getId(), ConsultationProcess.Variables.ESCALATION_DESCRIPTION))
        .isEqualTo("Drohungen gegen die Moderation nach der Ratssitzung.");
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.HOLD_FIRST_TALK, ConsultationProcess.Tasks.ASSESS_ESCALATION);
  }

  @Test
  void anotherCarriersConsultantOrAnUnknownReferenceIsRefusedAlikeAndLeavesNothing() {
    ProcessInstance consultation = ConsultationProcessTest.start("consultants-k3b");
    identity.setAuthentication("fzfd-clara", List.of("consultants-forumzfd"));
    assertThatThrownBy(() -> report(ConsultationProcessTest.REFERENCE, "Eine Lage, die uns nichts angeht."))
        .isInstanceOf(FormInputRefused.class).hasMessage(FormInputRefused.PREFIX + CriticalSituations.REFUSAL);
    assertThatThrownBy(() -> report("KKB-2023-999", "Eine Lage in einer Kommune ohne Beratung."))
        .isInstanceOf(FormInputRefused.class).hasMessage(FormInputRefused.PREFIX + CriticalSituations.REFUSAL);
    identity.setAuthentication("steuerung-ohne-gruppe", List.of());
    assertThatThrownBy(() -> report(ConsultationProcessTest.REFERENCE, "Jemand ohne Träger meldet etwas."))
        .isInstanceOf(FormInputRefused.class);

    assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CriticalSituationProcess.KEY).count()).as("no report started").isZero();
    assertThat(taskQuery().processInstanceId(consultation.getId())
        .taskDefinitionKey(ConsultationProcess.Tasks.ASSESS_ESCALATION).count()).isZero();
  }

  @Test
  void programmeManagementRecordsAWithdrawalAndTheConsultationEnds() {
    ProcessInstance consultation = ConsultationProcessTest.start("consultants-forumzfd");
    identity.setAuthentication("steuerung", List.of(KkbGroups.PROGRAMME_MANAGEMENT));
    ProcessInstance recording = withdraw(ConsultationProcessTest.REFERENCE, "Neuer Bürgermeister beendet die Beratung.");

    assertThat(recording).isEnded().hasPassed("EndEvent_WithdrawalRecorded");
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.ACKNOWLEDGE_WITHDRAWAL)
        .variables().containsEntry(ConsultationProcess.Variables.WITHDRAWAL_REASON,
            "Neuer Bürgermeister beendet die Beratung.");
  }

  @Test
  void onlyProgrammeManagementRecordsAWithdrawalOfARunningConsultation() {
    ProcessInstance consultation = ConsultationProcessTest.start("consultants-k3b");
    identity.setAuthentication("k3b-anna", List.of("consultants-k3b"));
    assertThatThrownBy(() -> withdraw(ConsultationProcessTest.REFERENCE, "Ein Berater zieht zurück."))
        .isInstanceOf(FormInputRefused.class).hasMessageContaining("Programmsteuerung");
    identity.setAuthentication("steuerung", List.of(KkbGroups.PROGRAMME_MANAGEMENT));
    assertThatThrownBy(() -> withdraw("KKB-2023-998", "Keine Beratung unter diesem Zeichen."))
        .isInstanceOf(FormInputRefused.class).hasMessageContaining("keine Beratung");

    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.HOLD_FIRST_TALK);
    assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(WithdrawalRecordingProcess.KEY).count()).isZero();
  }

  /** As Tasklist submits the start form. */
  static ProcessInstance report(String reference, String description) {
    return start(CriticalSituationProcess.KEY, Map.of(CommonVariables.REFERENCE, reference,
        CriticalSituationProcess.Variables.ESCALATION_DESCRIPTION, description));
  }

  static ProcessInstance withdraw(String reference, String reason) {
    return start(WithdrawalRecordingProcess.KEY, Map.of(CommonVariables.REFERENCE, reference,
        WithdrawalRecordingProcess.Variables.WITHDRAWAL_REASON, reason));
  }

  private static ProcessInstance start(String key, Map<String, Object> variables) {
    String definition = BpmnAwareTests.repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult().getId();
    return BpmnAwareTests.formService().submitStartForm(definition, variables);
  }
}
