package de.kkb.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import de.kkb.support.EngineTime;
import de.kkb.support.Jobs;
import de.kkb.support.TestEngines;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every path of "Kommunale Konfliktberatung"; measures run in the real Intervention process. */
@EngineTime("2023-09-01T09:00")
@Deployment(resources = {"processes/consultation.bpmn", "processes/intervention.bpmn"})
public class ConsultationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(TestEngines.processTestConfiguration())
      .excludeProcessDefinitionKeys("Intervention") // covered by InterventionProcessTest
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String REFERENCE = "KKB-2023-007";

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
  }

  // --- the happy path and its building blocks -------------------------------------------------

  @Test
  void happyPathFromMandateToHandover() {
    ProcessInstance consultation = start("consultants-k3b");
    assertThat(consultation.getBusinessKey()).isEqualTo(REFERENCE);
    assertThat(consultation).variables().containsEntry("carrier", "K3B")
        .containsEntry("phase", "Auftragsklärung");

    clarifyMandate(consultation);
    analyseConflict(consultation);
    assertThat(consultation).variables().containsEntry("phase", "Handlungskonzept");
    Jobs.setClock("2024-04-01T10:00"); // implementation is shorter than the review interval
    planMeasures(consultation, "2024-05-10", "Runder Tisch Innenstadt", "Workshop Jugend");
    assertThat(consultation).isWaitingAt("Task_SteerImplementation")
        .variables().containsEntry("phase", "Umsetzung");
    assertThat(interventions(consultation)).hasSize(2).allSatisfy(measure -> {
      assertThat(measure.getBusinessKey()).isEqualTo(REFERENCE);
      assertThat(measure).variables().containsEntry("municipalityName", "Musterstadt")
          .containsEntry("carrierGroup", "consultants-k3b").containsEntry("plannedDate", "2024-05-10");
    });
    carryOutMeasures(consultation, "2024-05-10");
    finishImplementation(consultation);
    evaluateAndHandOver(consultation);

    assertThat(consultation).isEnded().hasPassed("EndEvent_ConsultationCompleted",
        "Task_AddMeasureToPlan", "CallActivity_PlannedInterventions", "EndEvent_SteeringDone");
    assertThat(consultation).hasNotPassed("Task_InterimReview", "Task_AssessEscalation");
    assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(consultation.getId()).variableName("phase").singleResult().getValue())
        .isEqualTo("Abgeschlossen");
  }

  @Test
  void everyTaskIsDueOnAWorkingDayInNrwWithARemindTwoWorkingDaysBefore() {
    Jobs.setClock("2023-12-20T09:15"); // first talk: 15 working days across Christmas and New Year
    ProcessInstance consultation = start("consultants-k3b");
    org.camunda.bpm.engine.task.Task firstTalk = task(consultation);
    assertThat(firstTalk.getDueDate()).isEqualTo(Jobs.berlin("2024-01-15T09:15"));
    assertThat(firstTalk.getFollowUpDate()).isEqualTo(Jobs.berlin("2024-01-11T09:15"));
    complete(firstTalk, firstTalk());
    assertThat(task(consultation).getDueDate()).as("default: 10 working days")
        .isEqualTo(Jobs.berlin("2024-01-08T09:15"));
  }

  @Test
  void noCooperationAgreementEndsWithoutMandateAndInformsProgrammeManagement() {
    ProcessInstance consultation = start("consultants-forumzfd");
    complete(task(consultation), firstTalk());
    complete(task(consultation), withVariables("agreementOutcome", "NOT_CONCLUDED",
        "noAgreementReason", "Die Verwaltungsspitze sieht derzeit keinen Bedarf."));
    assertThat(consultation).isWaitingAt("Task_AcknowledgeNoMandate");
    assertThat(task(consultation)).hasCandidateGroup("programme-management");
    complete(task(consultation), withVariables("noMandateNote", "Platz wird neu vergeben."));
    assertThat(consultation).isEnded().hasPassed("EndEvent_NoMandate")
        .hasNotPassed("SubProcess_ConflictAnalysis");
  }

  @Test
  void conceptGoesBackToRevisionUntilTheCommunityAgrees() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    complete(task(consultation), withVariables("workshopsHeld", 3, "optionsSummary", "Drei Optionen."));
    complete(task(consultation), withVariables("conceptAgreement", "REVISE",
        "conceptRevisionReason", "Die Vereine fehlen im Konzept."));
    assertThat(consultation).isWaitingAt("Task_DevelopOptions");
    complete(task(consultation), withVariables("workshopsHeld", 4, "optionsSummary", "Vier Optionen."));
    complete(task(consultation), withVariables("conceptAgreement", "AGREED",
        "conceptAgreedDate", "2024-03-01"));
    assertThat(consultation).isWaitingAt("Task_AddMeasureToPlan");
    assertThat(consultation).hasPassedInOrder("Task_DevelopOptions", "Task_AgreeConcept",
        "Task_DevelopOptions", "Task_AgreeConcept");
  }

  @Test
  void eachRoundOfThePlanOfMeasuresStartsWithAnEmptyForm() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    complete(task(consultation), withVariables("workshopsHeld", 3, "optionsSummary", "Drei Optionen."));
    complete(task(consultation), withVariables("conceptAgreement", "AGREED",
        "conceptAgreedDate", "2024-03-01"));
    complete(task(consultation), withVariables("measureTitle", "Runder Tisch",
        "measureFormat", "RUNDER_TISCH", "plannedDate", "2024-06-03", "measureLead", "Tandem",
        "moreMeasures", true));
    assertThat(consultation).hasPassed("ServiceTask_UpdateMeasurePlan")
        .isWaitingAt(ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN);
    assertThat(BpmnAwareTests.formService().getTaskFormVariables(task(consultation).getId()))
        .as("what Tasklist fills the next round's form with")
        .containsKey(CommonVariables.MUNICIPALITY_NAME)
        .doesNotContainKeys(MeasurePlan.FIELDS.toArray(String[]::new));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> plan = (List<Map<String, Object>>)
        runtimeService().getVariable(consultation.getId(), ConsultationProcess.Variables.MEASURES);
    assertThat(plan).extracting(m -> m.get("measureTitle")).containsExactly("Runder Tisch");
  }

  @Test
  void threeMeasuresRunInParallel() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    planMeasures(consultation, "2024-06-03", "Runder Tisch", "Dialogabend", "Qualifizierung Verwaltung");
    List<ProcessInstance> measures = interventions(consultation);
    assertThat(measures).hasSize(3)
        .allSatisfy(measure -> assertThat(measure).isWaitingAt("Task_PrepareIntervention"));
    assertThat(measures).extracting(m -> runtimeService().getVariable(m.getId(), "measureTitle"))
        .containsExactlyInAnyOrder("Runder Tisch", "Dialogabend", "Qualifizierung Verwaltung");
    assertThat(taskQuery().taskCandidateGroup("consultants-k3b").taskName("Maßnahme vorbereiten")
        .count()).isEqualTo(3);
    carryOutMeasures(consultation, "2024-06-03");
    assertThat(interventions(consultation)).isEmpty();
    assertThat(consultation).isWaitingAt("Task_SteerImplementation");
  }

  @Test
  void aMeasureCanBeAddedWhileImplementationRuns() {
    ProcessInstance consultation = startInActionConcept("consultants-forumzfd");
    planMeasures(consultation, "2024-06-03", "Runder Tisch");
    complete(task("Task_SteerImplementation", consultation), withVariables(
        "implementationAction", "ADD_MEASURE", "measureTitle", "Mediation Sportverein",
        "measureFormat", "MEDIATION", "plannedDate", "2024-07-15", "measureLead", "forumZFD"));
    assertThat(consultation).isWaitingAt("Task_SteerImplementation");
    List<ProcessInstance> measures = interventions(consultation);
    assertThat(measures).hasSize(2);
    assertThat(measures).extracting(m -> runtimeService().getVariable(m.getId(), "measureTitle"))
        .containsExactlyInAnyOrder("Runder Tisch", "Mediation Sportverein");
    assertThat(measures).allSatisfy(m -> assertThat(m.getBusinessKey()).isEqualTo(REFERENCE));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> plan = (List<Map<String, Object>>)
        runtimeService().getVariable(consultation.getId(), ConsultationProcess.Variables.MEASURES);
    assertThat(plan).extracting(m -> m.get("measureTitle"))
        .containsExactly("Runder Tisch", "Mediation Sportverein");

    carryOutMeasures(consultation, "2024-07-15");
    finishImplementation(consultation);
    assertThat(consultation).isWaitingAt("Task_EvaluateGoals")
        .hasPassed("CallActivity_AddedIntervention", "EndEvent_AddedInterventionDone");
    assertThat(consultation).hasPassed("ServiceTask_UpdateMeasurePlanForAddedMeasure");
  }

  @Test
  void implementationWaitsForRunningMeasuresAfterTheConsultantsFinish() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    planMeasures(consultation, "2024-06-03", "Runder Tisch");
    finishImplementation(consultation);
    assertThat(consultation).isWaitingAt("CallActivity_PlannedInterventions");
    carryOutMeasures(consultation, "2024-06-03");
    assertThat(consultation).isWaitingAt("Task_EvaluateGoals");
  }

  @Test
  void interimReviewEverySixMonthsOfImplementation() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    Jobs.setClock("2024-04-01T10:00");
    planMeasures(consultation, "2025-03-01", "Strukturaufbau Koordinierungsstelle");
    Jobs.setClock("2024-09-30T10:00");
    assertThat(Jobs.runDueJobs(managementService())).isZero();
    Jobs.setClock("2024-10-01T10:00");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);
    assertThat(consultation).isWaitingAt("Task_InterimReview", "Task_SteerImplementation");
    complete(task("Task_InterimReview", consultation), withVariables("interimReviewDate",
        "2024-10-05", "interimProgress", "Koordinierungsstelle im Aufbau, erste Sitzung geplant."));
    assertThat(consultation).hasPassed("EndEvent_InterimReviewDone");
    Jobs.setClock("2025-04-01T10:00");
    Jobs.runDueJobs(managementService());
    assertThat(taskQuery().processInstanceId(consultation.getId()).taskDefinitionKey("Task_InterimReview")
        .count()).as("the second half-year").isEqualTo(1);
  }

  // --- event sub-processes ------------------------------------------------------------------------

  static Stream<Arguments> phases() {
    Consumer<ProcessInstance> none = pi -> { };
    Consumer<ProcessInstance> mandate = ConsultationProcessTest::clarifyMandate;
    Consumer<ProcessInstance> analysis = mandate.andThen(ConsultationProcessTest::analyseConflict);
    Consumer<ProcessInstance> concept =
        analysis.andThen(pi -> planMeasures(pi, "2024-06-03", "Runder Tisch", "Workshop"));
    Consumer<ProcessInstance> implementation = concept.andThen(pi -> {
      carryOutMeasures(pi, "2024-06-03");
      finishImplementation(pi);
    });
    return Stream.of(
        Arguments.of("Auftragsklärung", none, "Task_HoldFirstTalk"),
        Arguments.of("Konfliktanalyse", mandate, "Task_PlanTalks"),
        Arguments.of("Handlungskonzept", analysis, "Task_DevelopOptions"),
        Arguments.of("Umsetzung", concept, "Task_SteerImplementation"),
        Arguments.of("Auswertung und Abschluss", implementation, "Task_EvaluateGoals"));
  }

  @ParameterizedTest(name = "Rückzug in der Phase {0}")
  @MethodSource("phases")
  void municipalityWithdrawsDuringAPhase(String phase, Consumer<ProcessInstance> reachPhase,
      String waitingAt) {
    ProcessInstance consultation = start("consultants-k3b");
    reachPhase.accept(consultation);
    assertThat(consultation).isWaitingAt(waitingAt).variables().containsEntry("phase", phase);

    runtimeService().createMessageCorrelation("ConsultationWithdrawn")
        .processInstanceBusinessKey(REFERENCE)
        .setVariable("withdrawalReason", "Neuer Stadtrat, Beratung nicht mehr gewünscht.")
        .correlate();

    assertThat(consultation).isWaitingAt("Task_AcknowledgeWithdrawal")
        .variables().containsEntry("phase", "Zurückgezogen");
    assertThat(task(consultation)).hasCandidateGroup("programme-management");
    assertThat(interventions(consultation)).as("running measures are stopped").isEmpty();
    complete(task(consultation), withVariables("withdrawalNote", "Platz wird frei."));
    assertThat(consultation).isEnded().hasPassed("EndEvent_Withdrawn");
  }

  @Test
  void criticalEscalationIsAssessedWhileTheConsultationGoesOn() {
    ProcessInstance consultation = start("consultants-forumzfd");
    clarifyMandate(consultation);
    runtimeService().createMessageCorrelation("CriticalEscalationReported")
        .processInstanceBusinessKey(REFERENCE)
        .setVariable("escalationDescription", "Drohungen gegen Ratsmitglieder nach Bürgerversammlung.")
        .correlate();
    assertThat(consultation).isWaitingAt("Task_PlanTalks", "Task_AssessEscalation");
    assertThat(task("Task_AssessEscalation", consultation)).hasCandidateGroup("programme-management");
    assertThat(task("Task_PlanTalks", consultation)).hasCandidateGroup("consultants-forumzfd");
    complete(task("Task_AssessEscalation", consultation), withVariables(
        "escalationAssessment", "TALK_MUNICIPALITY", "escalationNote", "Gespräch mit Bürgermeisterin."));
    assertThat(consultation).hasPassed("EndEvent_EscalationAssessed").isWaitingAt("Task_PlanTalks")
        .variables().containsEntry("phase", "Konfliktanalyse");
  }

  @Test
  void programmeEndReachedDuringImplementation() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    Jobs.setClock("2025-10-01T10:00");
    planMeasures(consultation, "2026-02-01", "Runder Tisch nach Programmende");
    assertThat(interventions(consultation)).hasSize(1);

    Jobs.setClock("2025-12-31T23:59");
    Jobs.runDueJobs(managementService());
    assertThat(consultation).isWaitingAt("Task_SteerImplementation");
    Jobs.setClock("2026-01-01T00:00");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);

    assertThat(consultation).isWaitingAt("Task_CloseAtProgrammeEnd")
        .variables().containsEntry("phase", "Programmende");
    assertThat(task(consultation)).hasCandidateGroup("consultants-k3b");
    assertThat(interventions(consultation)).isEmpty();
    complete(task(consultation), withVariables("closingSummary", "Runder Tisch läuft in Eigenregie weiter.",
        "handoverStructure", "Runder Tisch Innenstadt"));
    assertThat(consultation).isEnded().hasPassed("EndEvent_ProgrammeEnd");
  }

  @Test
  void anUnknownCarrierIsRefusedAtTheStart() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("Consultation", Map.of(
        "reference", "KKB-2023-099", "municipalityName", "Irgendwo",
        "carrierGroup", "consultants-unbekannt", "consultantTeam", "X")))
        .hasMessageContaining("Unbekannter Träger");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  // --- drivers ----------------------------------------------------------------------------------

  public static ProcessInstance start(String carrierGroup) {
    ProcessInstance consultation = runtimeService().startProcessInstanceByKey("Consultation", Map.of(
        "reference", REFERENCE, "municipalityName", "Musterstadt", "carrierGroup", carrierGroup,
        "consultantTeam", "Anna Kramer, Ben Böhm"));
    assertThat(consultation).isWaitingAt("Task_HoldFirstTalk");
    assertThat(task(consultation)).hasCandidateGroup(carrierGroup);
    return runtimeService().createProcessInstanceQuery().processInstanceId(consultation.getId())
        .singleResult();
  }

  /** A consultation with mandate and conflict analysis done, at the start of the action concept. */
  static ProcessInstance startInActionConcept(String carrierGroup) {
    ProcessInstance consultation = start(carrierGroup);
    clarifyMandate(consultation);
    analyseConflict(consultation);
    return consultation;
  }

  public static Map<String, Object> firstTalk() {
    return withVariables("firstTalkDate", "2023-09-05", "administrationHeadRole", "BUERGERMEISTER",
        "firstTalkParticipants", 3);
  }

  public static void clarifyMandate(ProcessInstance consultation) {
    complete(task(consultation), firstTalk());
    complete(task(consultation), withVariables("agreementOutcome", "CONCLUDED",
        "agreementSignedDate", "2023-10-02", "agreementParties", "Bürgermeisterin, K3B",
        "goal1", "Dialog zwischen Verwaltung und Vereinen", "goal2", "Jugend beteiligen"));
    assertThat(consultation).isWaitingAt("Task_PlanTalks")
        .variables().containsEntry("phase", "Konfliktanalyse");
  }

  public static void analyseConflict(ProcessInstance consultation) {
    complete(task(consultation), withVariables("plannedIndividualTalks", 20, "plannedGroupTalks", 5,
        "plannedStakeholderGroups", "Verwaltung, Politik, Vereine, Jugend"));
    complete(task(consultation), withVariables("individualTalksCount", 22, "groupTalksCount", 6,
        "stakeholderGroupsReached", 7));
    complete(task(consultation), withVariables("skaCompletedDate", "2024-01-20",
        "skaKeyFindings", "Konflikt um Nutzung des Marktplatzes; Misstrauen zwischen Verwaltung und Vereinen."));
    complete(task(consultation), withVariables("feedbackDate", "2024-02-05", "feedbackParticipants", 60));
    assertThat(consultation).isWaitingAt("Task_DevelopOptions");
  }

  public static void planMeasures(ProcessInstance consultation, String plannedDate, String... titles) {
    if (BpmnAwareTests.taskQuery().processInstanceId(consultation.getId())
        .taskDefinitionKey("Task_DevelopOptions").count() == 1) {
      complete(task(consultation), withVariables("workshopsHeld", 3, "optionsSummary", "Drei Optionen."));
      complete(task(consultation), withVariables("conceptAgreement", "AGREED",
          "conceptAgreedDate", "2024-03-01"));
    }
    for (int i = 0; i < titles.length; i++) {
      assertThat(consultation).isWaitingAt("Task_AddMeasureToPlan");
      complete(task(consultation), withVariables("measureTitle", titles[i],
          "measureFormat", "RUNDER_TISCH", "plannedDate", plannedDate, "measureLead", "Tandem",
          "moreMeasures", i < titles.length - 1));
    }
    assertThat(consultation).hasPassed("EndEvent_MeasurePlanFixed");
  }

  static void carryOutMeasures(ProcessInstance consultation, String plannedDate) {
    List<ProcessInstance> measures = interventions(consultation);
    for (ProcessInstance measure : measures) {
      complete(task(measure), withVariables("venue", "Ratssaal", "invitedGroups", "Verwaltung"));
    }
    Jobs.setClock(plannedDate + "T08:00");
    Jobs.runDueJobs(managementService());
    for (ProcessInstance measure : measures) {
      complete(task(measure), withVariables("interventionOutcome", "HELD", "participants", 30,
          "resultSummary", "Vereinbarungen getroffen.", "followUpPlanned", false));
      assertThat(measure).isEnded();
    }
  }

  static void finishImplementation(ProcessInstance consultation) {
    complete(task("Task_SteerImplementation", consultation),
        withVariables("implementationAction", "FINISH"));
  }

  static void evaluateAndHandOver(ProcessInstance consultation) {
    assertThat(consultation).variables().containsEntry("phase", "Auswertung und Abschluss");
    complete(task(consultation), withVariables("goal1Achievement", "FULL",
        "goal1Justification", "Regelmäßiger Runder Tisch.", "goal2Achievement", "PARTLY",
        "goal2Justification", "Jugendforum gegründet, noch klein.",
        "lessonsLearned", "Früh die Vereine einbinden."));
    complete(task(consultation), withVariables("finalReportDate", "2025-06-30",
        "finalReportSummary", "Die Stadt hat eine ressortübergreifende Koordinierungsstelle eingerichtet."));
    complete(task(consultation), withVariables("handoverStructure", "Koordinierungsstelle Integration",
        "handoverDate", "2025-07-15"));
  }

  static List<ProcessInstance> interventions(ProcessInstance consultation) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(consultation.getId())
        .list();
  }
}
