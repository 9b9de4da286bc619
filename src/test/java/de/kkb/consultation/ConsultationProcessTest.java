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
import de.kkb.vocabulary.InterventionProcess;
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
      .excludeProcessDefinitionKeys(InterventionProcess.KEY) // covered by InterventionProcessTest
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
    assertThat(consultation).variables().containsEntry(CommonVariables.CARRIER, "K3B")
        .containsEntry(CommonVariables.PHASE, "Auftragsklärung");

    clarifyMandate(consultation);
    analyseConflict(consultation);
    assertThat(consultation).variables().containsEntry(CommonVariables.PHASE, "Handlungskonzept");
    Jobs.setClock("2024-04-01T10:00"); // implementation is shorter than the review interval
    planMeasures(consultation, "2024-05-10", "Runder Tisch Innenstadt", "Workshop Jugend");
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.STEER_IMPLEMENTATION)
        .variables().containsEntry(CommonVariables.PHASE, "Umsetzung");
    assertThat(interventions(consultation)).hasSize(2).allSatisfy(measure -> {
      assertThat(measure.getBusinessKey()).isEqualTo(REFERENCE);
      assertThat(measure).variables().containsEntry(CommonVariables.MUNICIPALITY_NAME, "Musterstadt")
          .containsEntry(CommonVariables.CARRIER_GROUP, "consultants-k3b").containsEntry(CommonVariables.PLANNED_DATE, "2024-05-10");
    });
    carryOutMeasures(consultation, "2024-05-10");
    finishImplementation(consultation);
    evaluateAndHandOver(consultation);

    assertThat(consultation).isEnded().hasPassed("EndEvent_ConsultationCompleted",
        ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN, "CallActivity_PlannedInterventions", "EndEvent_SteeringDone");
    assertThat(consultation).hasNotPassed(ConsultationProcess.Tasks.INTERIM_REVIEW, ConsultationProcess.Tasks.ASSESS_ESCALATION);
    assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(consultation.getId()).variableName(CommonVariables.PHASE).singleResult().getValue())
        .isEqualTo("Abgeschlossen");
  }

  /**
   * Through Tasklist's submission a measure goes into the plan at once: its fields never become
   * variables of the consultation, yet the measure is carried out with them as before.
   */
  @Test
  void measuresSubmittedThroughTasklistGoStraightIntoThePlan() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    Jobs.setClock("2024-04-01T10:00");
    complete(task(consultation), withVariables(ConsultationProcess.Variables.WORKSHOPS_HELD, 3,
        ConsultationProcess.Variables.OPTIONS_SUMMARY, "Drei Optionen."));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.CONCEPT_AGREEMENT, "AGREED",
        ConsultationProcess.Variables.CONCEPT_AGREED_DATE, "2024-03-01"));
    BpmnAwareTests.formService().submitTaskForm(task(consultation).getId(), withVariables(
        CommonVariables.MEASURE_TITLE, "Runder Tisch Innenstadt", CommonVariables.MEASURE_FORMAT, "RUNDER_TISCH",
        CommonVariables.PLANNED_DATE, "2024-05-10", CommonVariables.MEASURE_LEAD, "Tandem",
        ConsultationProcess.Variables.MORE_MEASURES, false));
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.STEER_IMPLEMENTATION);
    BpmnAwareTests.formService().submitTaskForm(task(consultation).getId(), withVariables(
        ConsultationProcess.Variables.IMPLEMENTATION_ACTION, ConsultationProcess.Values.IMPLEMENTATION_ADD_MEASURE,
        CommonVariables.MEASURE_TITLE, "Workshop Jugend", CommonVariables.MEASURE_FORMAT, "WORKSHOP",
        CommonVariables.PLANNED_DATE, "2024-05-20", CommonVariables.MEASURE_LEAD, "Jugendamt"));
    assertThat(interventions(consultation)).extracting(measure -> runtimeService().getVariable(measure.getId(),
        CommonVariables.MEASURE_TITLE)).containsExactlyInAnyOrder("Runder Tisch Innenstadt", "Workshop Jugend");
    assertThat((List<?>) runtimeService().getVariable(consultation.getId(), ConsultationProcess.Variables.MEASURES))
        .hasSize(2);
    assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(consultation.getId()).variableName(CommonVariables.MEASURE_TITLE).count()).isZero();
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
    complete(task(consultation), withVariables(ConsultationProcess.Variables.AGREEMENT_OUTCOME, "NOT_CONCLUDED",
        ConsultationProcess.Variables.NO_AGREEMENT_REASON, "Die Verwaltungsspitze sieht derzeit keinen Bedarf."));
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.ACKNOWLEDGE_NO_MANDATE);
    assertThat(task(consultation)).hasCandidateGroup("programme-management");
    complete(task(consultation), withVariables(ConsultationProcess.Variables.NO_MANDATE_NOTE, "Platz wird neu vergeben."));
    assertThat(consultation).isEnded().hasPassed("EndEvent_NoMandate")
        .hasNotPassed("SubProcess_ConflictAnalysis");
  }

  @Test
  void conceptGoesBackToRevisionUntilTheCommunityAgrees() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    complete(task(consultation), withVariables(ConsultationProcess.Variables.WORKSHOPS_HELD, 3, ConsultationProcess.Variables.OPTIONS_SUMMARY, "Drei Optionen."));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.CONCEPT_AGREEMENT, "REVISE",
        ConsultationProcess.Variables.CONCEPT_REVISION_REASON, "Die Vereine fehlen im Konzept."));
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.DEVELOP_OPTIONS);
    complete(task(consultation), withVariables(ConsultationProcess.Variables.WORKSHOPS_HELD, 4, ConsultationProcess.Variables.OPTIONS_SUMMARY, "Vier Optionen."));
    assertThat(BpmnAwareTests.taskService().getVariable(task(consultation).getId(), ConsultationProcess.Variables.CONCEPT_AGREEMENT))
        .as("the second vote starts without a result").isNull();
    complete(task(consultation), withVariables(ConsultationProcess.Variables.CONCEPT_AGREEMENT, "AGREED",
        ConsultationProcess.Variables.CONCEPT_AGREED_DATE, "2024-03-01"));
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN);
    assertThat(consultation).hasPassedInOrder(ConsultationProcess.Tasks.DEVELOP_OPTIONS, ConsultationProcess.Tasks.AGREE_CONCEPT,
        ConsultationProcess.Tasks.DEVELOP_OPTIONS, ConsultationProcess.Tasks.AGREE_CONCEPT);
  }

  @Test
  void eachRoundOfThePlanOfMeasuresStartsWithAnEmptyForm() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    complete(task(consultation), withVariables(ConsultationProcess.Variables.WORKSHOPS_HELD, 3, ConsultationProcess.Variables.OPTIONS_SUMMARY, "Drei Optionen."));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.CONCEPT_AGREEMENT, "AGREED",
        ConsultationProcess.Variables.CONCEPT_AGREED_DATE, "2024-03-01"));
    complete(task(consultation), withVariables(CommonVariables.MEASURE_TITLE, "Runder Tisch",
        CommonVariables.MEASURE_FORMAT, "RUNDER_TISCH", CommonVariables.PLANNED_DATE, "2024-06-03", CommonVariables.MEASURE_LEAD, "Tandem",
        ConsultationProcess.Variables.MORE_MEASURES, true));
    assertThat(consultation).hasPassed("ServiceTask_UpdateMeasurePlan")
        .isWaitingAt(ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN);
    assertThat(BpmnAwareTests.formService().getTaskFormVariables(task(consultation).getId()))
        .as("what Tasklist fills the next round's form with")
        .containsKey(CommonVariables.MUNICIPALITY_NAME)
        .doesNotContainKeys(MeasurePlan.FIELDS.toArray(String[]::new));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> plan = (List<Map<String, Object>>)
        runtimeService().getVariable(consultation.getId(), ConsultationProcess.Variables.MEASURES);
    assertThat(plan).extracting(m -> m.get(CommonVariables.MEASURE_TITLE)).containsExactly("Runder Tisch");
  }

  @Test
  void threeMeasuresRunInParallel() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    planMeasures(consultation, "2024-06-03", "Runder Tisch", "Dialogabend", "Qualifizierung Verwaltung");
    List<ProcessInstance> measures = interventions(consultation);
    assertThat(measures).hasSize(3)
        .allSatisfy(measure -> assertThat(measure).isWaitingAt(InterventionProcess.Tasks.PREPARE_INTERVENTION));
    assertThat(measures).extracting(m -> runtimeService().getVariable(m.getId(), CommonVariables.MEASURE_TITLE))
        .containsExactlyInAnyOrder("Runder Tisch", "Dialogabend", "Qualifizierung Verwaltung");
    assertThat(taskQuery().taskCandidateGroup("consultants-k3b").taskName("Maßnahme vorbereiten")
        .count()).isEqualTo(3);
    carryOutMeasures(consultation, "2024-06-03");
    assertThat(interventions(consultation)).isEmpty();
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.STEER_IMPLEMENTATION);
  }

  @Test
  void aMeasureCanBeAddedWhileImplementationRuns() {
    ProcessInstance consultation = startInActionConcept("consultants-forumzfd");
    planMeasures(consultation, "2024-06-03", "Runder Tisch");
    complete(task(ConsultationProcess.Tasks.STEER_IMPLEMENTATION, consultation), withVariables(
        ConsultationProcess.Variables.IMPLEMENTATION_ACTION, "ADD_MEASURE", CommonVariables.MEASURE_TITLE, "Mediation Sportverein",
        CommonVariables.MEASURE_FORMAT, "MEDIATION", CommonVariables.PLANNED_DATE, "2024-07-15", CommonVariables.MEASURE_LEAD, "forumZFD"));
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.STEER_IMPLEMENTATION);
    List<ProcessInstance> measures = interventions(consultation);
    assertThat(measures).hasSize(2);
    assertThat(measures).extracting(m -> runtimeService().getVariable(m.getId(), CommonVariables.MEASURE_TITLE))
        .containsExactlyInAnyOrder("Runder Tisch", "Mediation Sportverein");
    assertThat(measures).allSatisfy(m -> assertThat(m.getBusinessKey()).isEqualTo(REFERENCE));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> plan = (List<Map<String, Object>>)
        runtimeService().getVariable(consultation.getId(), ConsultationProcess.Variables.MEASURES);
    assertThat(plan).extracting(m -> m.get(CommonVariables.MEASURE_TITLE))
        .containsExactly("Runder Tisch", "Mediation Sportverein");
    assertThat(runtimeService().getVariable(consultation.getId(), CommonVariables.MEASURE_TITLE))
        .as("cleared: the next form starts empty, Tasklist's row names no stale measure").isNull();

    carryOutMeasures(consultation, "2024-07-15");
    finishImplementation(consultation);
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.EVALUATE_GOALS)
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
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.EVALUATE_GOALS);
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
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.INTERIM_REVIEW, ConsultationProcess.Tasks.STEER_IMPLEMENTATION);
    complete(task(ConsultationProcess.Tasks.INTERIM_REVIEW, consultation), withVariables(ConsultationProcess.Variables.INTERIM_REVIEW_DATE,
        "2024-10-05", ConsultationProcess.Variables.INTERIM_PROGRESS, "Koordinierungsstelle im Aufbau, erste Sitzung geplant."));
    assertThat(consultation).hasPassed("EndEvent_InterimReviewDone");
    Jobs.setClock("2025-04-01T10:00");
    Jobs.runDueJobs(managementService());
    assertThat(taskQuery().processInstanceId(consultation.getId()).taskDefinitionKey(ConsultationProcess.Tasks.INTERIM_REVIEW)
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
        Arguments.of("Auftragsklärung", none, ConsultationProcess.Tasks.HOLD_FIRST_TALK),
        Arguments.of("Konfliktanalyse", mandate, ConsultationProcess.Tasks.PLAN_TALKS),
        Arguments.of("Handlungskonzept", analysis, ConsultationProcess.Tasks.DEVELOP_OPTIONS),
        Arguments.of("Umsetzung", concept, ConsultationProcess.Tasks.STEER_IMPLEMENTATION),
        Arguments.of("Auswertung und Abschluss", implementation, ConsultationProcess.Tasks.EVALUATE_GOALS));
  }

  @ParameterizedTest(name = "Rückzug in der Phase {0}")
  @MethodSource("phases")
  void municipalityWithdrawsDuringAPhase(String phase, Consumer<ProcessInstance> reachPhase,
      String waitingAt) {
    ProcessInstance consultation = start("consultants-k3b");
    reachPhase.accept(consultation);
    assertThat(consultation).isWaitingAt(waitingAt).variables().containsEntry(CommonVariables.PHASE, phase);

    runtimeService().createMessageCorrelation(ConsultationProcess.Messages.WITHDRAWN)
        .processInstanceBusinessKey(REFERENCE)
        .setVariable(ConsultationProcess.Variables.WITHDRAWAL_REASON, "Neuer Stadtrat, Beratung nicht mehr gewünscht.")
        .correlate();

    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.ACKNOWLEDGE_WITHDRAWAL)
        .variables().containsEntry(CommonVariables.PHASE, "Zurückgezogen");
    assertThat(task(consultation)).hasCandidateGroup("programme-management");
    assertThat(interventions(consultation)).as("running measures are stopped").isEmpty();
    complete(task(consultation), withVariables(ConsultationProcess.Variables.WITHDRAWAL_NOTE, "Platz wird frei."));
    assertThat(consultation).isEnded().hasPassed("EndEvent_Withdrawn");
  }

  @Test
  void criticalEscalationIsAssessedWhileTheConsultationGoesOn() {
    ProcessInstance consultation = start("consultants-forumzfd");
    clarifyMandate(consultation);
    runtimeService().createMessageCorrelation(ConsultationProcess.Messages.CRITICAL_ESCALATION_REPORTED)
        .processInstanceBusinessKey(REFERENCE)
        .setVariable(ConsultationProcess.Variables.ESCALATION_DESCRIPTION, "Drohungen gegen Ratsmitglieder nach Bürgerversammlung.")
        .correlate();
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.PLAN_TALKS, ConsultationProcess.Tasks.ASSESS_ESCALATION);
    assertThat(task(ConsultationProcess.Tasks.ASSESS_ESCALATION, consultation)).hasCandidateGroup("programme-management");
    assertThat(task(ConsultationProcess.Tasks.PLAN_TALKS, consultation)).hasCandidateGroup("consultants-forumzfd");
    complete(task(ConsultationProcess.Tasks.ASSESS_ESCALATION, consultation), withVariables(
        ConsultationProcess.Variables.ESCALATION_ASSESSMENT, "TALK_MUNICIPALITY", ConsultationProcess.Variables.ESCALATION_NOTE, "Gespräch mit Bürgermeisterin."));
    assertThat(consultation).hasPassed("EndEvent_EscalationAssessed").isWaitingAt(ConsultationProcess.Tasks.PLAN_TALKS)
        .variables().containsEntry(CommonVariables.PHASE, "Konfliktanalyse");
  }

  @Test
  void programmeEndReachedDuringImplementation() {
    ProcessInstance consultation = startInActionConcept("consultants-k3b");
    Jobs.setClock("2025-10-01T10:00");
    planMeasures(consultation, "2026-02-01", "Runder Tisch nach Programmende");
    assertThat(interventions(consultation)).hasSize(1);

    Jobs.setClock("2025-12-31T23:59");
    Jobs.runDueJobs(managementService());
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.STEER_IMPLEMENTATION);
    Jobs.setClock("2026-01-01T00:00");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);

    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.CLOSE_AT_PROGRAMME_END)
        .variables().containsEntry(CommonVariables.PHASE, "Programmende");
    assertThat(task(consultation)).hasCandidateGroup("consultants-k3b");
    assertThat(interventions(consultation)).isEmpty();
    complete(task(consultation), withVariables(ConsultationProcess.Variables.CLOSING_SUMMARY, "Runder Tisch läuft in Eigenregie weiter.",
        ConsultationProcess.Variables.HANDOVER_STRUCTURE, "Runder Tisch Innenstadt"));
    assertThat(consultation).isEnded().hasPassed("EndEvent_ProgrammeEnd");
  }

  @Test
  void anUnknownCarrierIsRefusedAtTheStart() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ConsultationProcess.KEY, Map.of(
        CommonVariables.REFERENCE, "KKB-2023-099", CommonVariables.MUNICIPALITY_NAME, "Irgendwo",
        CommonVariables.CARRIER_GROUP, "consultants-unbekannt", CommonVariables.CONSULTANT_TEAM, "X")))
        .hasMessageContaining("Unbekannter Träger");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  // --- drivers ----------------------------------------------------------------------------------

  public static ProcessInstance start(String carrierGroup) {
    ProcessInstance consultation = runtimeService().startProcessInstanceByKey(ConsultationProcess.KEY, Map.of(
        CommonVariables.REFERENCE, REFERENCE, CommonVariables.MUNICIPALITY_NAME, "Musterstadt", CommonVariables.CARRIER_GROUP, carrierGroup,
        CommonVariables.CONSULTANT_TEAM, "Anna Kramer, Ben Böhm"));
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.HOLD_FIRST_TALK);
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
    return withVariables(ConsultationProcess.Variables.FIRST_TALK_DATE, "2023-09-05", ConsultationProcess.Variables.ADMINISTRATION_HEAD_ROLE, "BUERGERMEISTER",
        ConsultationProcess.Variables.FIRST_TALK_PARTICIPANTS, 3);
  }

  public static void clarifyMandate(ProcessInstance consultation) {
    complete(task(consultation), firstTalk());
    complete(task(consultation), withVariables(ConsultationProcess.Variables.AGREEMENT_OUTCOME, "CONCLUDED",
        ConsultationProcess.Variables.AGREEMENT_SIGNED_DATE, "2023-10-02", ConsultationProcess.Variables.AGREEMENT_PARTIES, "Bürgermeisterin, K3B",
        "goal1", "Dialog zwischen Verwaltung und Vereinen", "goal2", "Jugend beteiligen"));
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.PLAN_TALKS)
        .variables().containsEntry(CommonVariables.PHASE, "Konfliktanalyse");
  }

  public static void analyseConflict(ProcessInstance consultation) {
    complete(task(consultation), withVariables(ConsultationProcess.Variables.PLANNED_INDIVIDUAL_TALKS, 20, ConsultationProcess.Variables.PLANNED_GROUP_TALKS, 5,
        ConsultationProcess.Variables.PLANNED_STAKEHOLDER_GROUPS, "Verwaltung, Politik, Vereine, Jugend"));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.INDIVIDUAL_TALKS_COUNT, 22, ConsultationProcess.Variables.GROUP_TALKS_COUNT, 6,
        ConsultationProcess.Variables.STAKEHOLDER_GROUPS_REACHED, 7));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.SKA_COMPLETED_DATE, "2024-01-20",
        ConsultationProcess.Variables.SKA_KEY_FINDINGS, "Konflikt um Nutzung des Marktplatzes; Misstrauen zwischen Verwaltung und Vereinen."));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.FEEDBACK_DATE, "2024-02-05", ConsultationProcess.Variables.FEEDBACK_PARTICIPANTS, 60));
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.DEVELOP_OPTIONS);
  }

  public static void planMeasures(ProcessInstance consultation, String plannedDate, String... titles) {
    if (BpmnAwareTests.taskQuery().processInstanceId(consultation.getId())
        .taskDefinitionKey(ConsultationProcess.Tasks.DEVELOP_OPTIONS).count() == 1) {
      complete(task(consultation), withVariables(ConsultationProcess.Variables.WORKSHOPS_HELD, 3, ConsultationProcess.Variables.OPTIONS_SUMMARY, "Drei Optionen."));
      complete(task(consultation), withVariables(ConsultationProcess.Variables.CONCEPT_AGREEMENT, "AGREED",
          ConsultationProcess.Variables.CONCEPT_AGREED_DATE, "2024-03-01"));
    }
    for (int i = 0; i < titles.length; i++) {
      assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN);
      complete(task(consultation), withVariables(CommonVariables.MEASURE_TITLE, titles[i],
          CommonVariables.MEASURE_FORMAT, "RUNDER_TISCH", CommonVariables.PLANNED_DATE, plannedDate, CommonVariables.MEASURE_LEAD, "Tandem",
          ConsultationProcess.Variables.MORE_MEASURES, i < titles.length - 1));
    }
    assertThat(consultation).hasPassed("EndEvent_MeasurePlanFixed");
  }

  static void carryOutMeasures(ProcessInstance consultation, String plannedDate) {
    List<ProcessInstance> measures = interventions(consultation);
    for (ProcessInstance measure : measures) {
      complete(task(measure), withVariables(InterventionProcess.Variables.VENUE, "Ratssaal", InterventionProcess.Variables.INVITED_GROUPS, "Verwaltung"));
    }
    Jobs.setClock(plannedDate + "T08:00");
    Jobs.runDueJobs(managementService());
    for (ProcessInstance measure : measures) {
      complete(task(measure), withVariables(InterventionProcess.Variables.INTERVENTION_OUTCOME, "HELD", InterventionProcess.Variables.PARTICIPANTS, 30,
          InterventionProcess.Variables.RESULT_SUMMARY, "Vereinbarungen getroffen.", InterventionProcess.Variables.FOLLOW_UP_PLANNED, false));
      assertThat(measure).isEnded();
    }
  }

  static void finishImplementation(ProcessInstance consultation) {
    complete(task(ConsultationProcess.Tasks.STEER_IMPLEMENTATION, consultation),
        withVariables(ConsultationProcess.Variables.IMPLEMENTATION_ACTION, "FINISH"));
  }

  static void evaluateAndHandOver(ProcessInstance consultation) {
    assertThat(consultation).variables().containsEntry(CommonVariables.PHASE, "Auswertung und Abschluss");
    complete(task(consultation), withVariables("goal1Achievement", "FULL",
        "goal1Justification", "Regelmäßiger Runder Tisch.", "goal2Achievement", "PARTLY",
        "goal2Justification", "Jugendforum gegründet, noch klein.",
        ConsultationProcess.Variables.LESSONS_LEARNED, "Früh die Vereine einbinden."));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.FINAL_REPORT_DATE, "2025-06-30",
        ConsultationProcess.Variables.FINAL_REPORT_SUMMARY, "Die Stadt hat eine ressortübergreifende Koordinierungsstelle eingerichtet."));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.HANDOVER_STRUCTURE, "Koordinierungsstelle Integration",
        ConsultationProcess.Variables.HANDOVER_DATE, "2025-07-15"));
  }

  static List<ProcessInstance> interventions(ProcessInstance consultation) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(consultation.getId())
        .list();
  }
}
