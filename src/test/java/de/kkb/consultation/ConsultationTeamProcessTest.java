package de.kkb.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;

import de.kkb.platform.FormInputRefused;
import de.kkb.support.EngineTime;
import de.kkb.support.TestEngines;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Work goes to a person: every consultant task of a consultation and its measures is assigned to the
 * lead, the carrier's group stays candidate; a colleague of the carrier who takes a task over leads
 * from then on. The forms of the planning loops start empty, and impossible dates are refused.
 */
@EngineTime("2023-09-01T09:00")
@Deployment(resources = {"processes/consultation.bpmn", "processes/intervention.bpmn"})
public class ConsultationTeamProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(TestEngines.processTestConfiguration())
      .excludeProcessDefinitionKeys(ConsultationProcess.KEY, InterventionProcess.KEY) // ConsultationProcessTest
      .build();

  static final String REFERENCE = "KKB-2023-021";

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
    TestEngines.demoConsultants(engine.getProcessEngine());
  }

  @Test
  void everyConsultantTaskGoesToTheLeadAndAColleagueWhoTakesOneOverLeadsFromThenOn() {
    ProcessInstance consultation = start("k3b-anna");
    assertThat(task(consultation)).isAssignedTo("k3b-anna");
    assertThat(candidateGroups(task(consultation))).contains("consultants-k3b");
    complete(task(consultation), ConsultationProcessTest.firstTalk());
    assertThat(task(consultation)).as("the next task, without claiming").isAssignedTo("k3b-anna");

    // Outside the carrier: the task moves, the lead does not.
    taskService().setAssignee(task(consultation).getId(), "fzfd-clara");
    assertThat(consultation).variables().containsEntry(CommonVariables.CONSULTANT_LEAD, "k3b-anna");
    // A colleague takes over (in Tasklist: assignee changed by them or by programme management).
    taskService().setAssignee(task(consultation).getId(), "k3b-ben");
    assertThat(consultation).variables().containsEntry(CommonVariables.CONSULTANT_LEAD, "k3b-ben");
    complete(task(consultation), withVariables(ConsultationProcess.Variables.AGREEMENT_OUTCOME, "CONCLUDED",
        ConsultationProcess.Variables.AGREEMENT_SIGNED_DATE, "2023-08-30", ConsultationProcess.Variables.AGREEMENT_PARTIES, "Stadt",
        ConsultationProcess.Variables.GOAL1, "Dialog"));
    assertThat(task(consultation)).isAssignedTo("k3b-ben");
    assertThat(candidateGroups(task(consultation))).contains("consultants-k3b");

    // Measures inherit the lead.
    ConsultationProcessTest.analyseConflict(consultation);
    ConsultationProcessTest.planMeasures(consultation, "2023-10-10", "Runder Tisch");
    ProcessInstance measure = ConsultationProcessTest.interventions(consultation).get(0);
    assertThat(task(measure)).isAssignedTo("k3b-ben");
    assertThat(candidateGroups(task(measure))).contains("consultants-k3b");
  }

  @Test
  void withoutALeadTheTasksWaitInTheCarriersQueue() {
    ProcessInstance consultation = ConsultationProcessTest.start("consultants-forumzfd");
    assertThat(task(consultation)).isNotAssigned().hasCandidateGroup("consultants-forumzfd");
  }

  @Test
  void aStartFormWithALeadFromAnotherCarrierIsRefused() {
    String definition = BpmnAwareTests.repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ConsultationProcess.KEY).singleResult().getId();
    assertThatThrownBy(() -> formService().submitStartForm(definition, Map.of(CommonVariables.REFERENCE, REFERENCE,
        CommonVariables.MUNICIPALITY_NAME, "Wahlstadt", CommonVariables.CARRIER_GROUP, "consultants-k3b",
        CommonVariables.CONSULTANT_LEAD, "fzfd-clara")))
        .isInstanceOf(FormInputRefused.class)
        .hasMessage(FormInputRefused.PREFIX + "Clara Fischer gehört nicht zu den Berater:innen von K3B. "
            + "Bitte Team und Federführung aus diesem Träger wählen.");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void theMeasureFormStartsUntickedOnEveryPassAndListsThePlannedMeasures() {
    ProcessInstance consultation = ConsultationProcessTest.startInActionConcept("consultants-k3b");
    complete(task(consultation), withVariables(ConsultationProcess.Variables.WORKSHOPS_HELD, 3,
        ConsultationProcess.Variables.OPTIONS_SUMMARY, "Drei Optionen."));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.CONCEPT_AGREEMENT, "AGREED",
        ConsultationProcess.Variables.CONCEPT_AGREED_DATE, "2023-08-31"));
    for (String title : new String[] {"Runder Tisch", "Workshop Jugend"}) {
      Task pass = task(consultation);
      assertThat(taskService().getVariable(pass.getId(), ConsultationProcess.Variables.MORE_MEASURES)).isEqualTo(false);
      submit(pass, Map.of(CommonVariables.MEASURE_TITLE, title, CommonVariables.MEASURE_FORMAT, "WORKSHOP",
          CommonVariables.PLANNED_DATE, "2023-10-10", CommonVariables.MEASURE_LEAD, "Tandem",
          ConsultationProcess.Variables.MORE_MEASURES, true));
    }
    Task third = task(consultation);
    assertThat(third.getTaskDefinitionKey()).isEqualTo(ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN);
    assertThat(taskService().getVariable(third.getId(), ConsultationProcess.Variables.MORE_MEASURES)).isEqualTo(false);
    assertThat(taskService().getVariable(third.getId(), ConsultationProcess.Variables.PLANNED_MEASURES))
        .isEqualTo("\n1. Runder Tisch (geplant am 10.10.2023)\n2. Workshop Jugend (geplant am 10.10.2023)");
    assertThat(taskService().getVariable(third.getId(), CommonVariables.MEASURE_TITLE)).isNull();
  }

  @Test
  void impossibleDatesAreRefusedWithAGermanReasonAndNothingIsSaved() {
    ProcessInstance consultation = ConsultationProcessTest.start("consultants-k3b");
    Task firstTalk = task(consultation);
    assertThatThrownBy(() -> submit(firstTalk, Map.of(ConsultationProcess.Variables.FIRST_TALK_DATE, "2023-09-02",
        ConsultationProcess.Variables.ADMINISTRATION_HEAD_ROLE, "BUERGERMEISTER", ConsultationProcess.Variables.FIRST_TALK_PARTICIPANTS, 3)))
        .isInstanceOf(FormInputRefused.class)
        .hasMessage(FormInputRefused.PREFIX + "Datum des Erstgesprächs (02.09.2023) liegt in der Zukunft. "
            + "Bitte das Datum eintragen, an dem es stattgefunden hat.");
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.HOLD_FIRST_TALK)
        .variables().doesNotContainKey(ConsultationProcess.Variables.FIRST_TALK_DATE);

    ProcessInstance planning = ConsultationProcessTest.startInActionConcept("consultants-forumzfd");
    complete(task(planning), withVariables(ConsultationProcess.Variables.WORKSHOPS_HELD, 3, ConsultationProcess.Variables.OPTIONS_SUMMARY, "Optionen."));
    complete(task(planning), withVariables(ConsultationProcess.Variables.CONCEPT_AGREEMENT, "AGREED"));
    Task measure = task(planning);
    assertThatThrownBy(() -> submit(measure, Map.of(CommonVariables.MEASURE_TITLE, "Zu spät", CommonVariables.PLANNED_DATE,
        "2023-08-31", ConsultationProcess.Variables.MORE_MEASURES, false)))
        .isInstanceOf(FormInputRefused.class).hasMessageContaining("(31.08.2023) liegt in der Vergangenheit");
    assertThatThrownBy(() -> submit(measure, Map.of(CommonVariables.MEASURE_TITLE, "Nach dem Ende", CommonVariables.PLANNED_DATE,
        "2026-01-05", ConsultationProcess.Variables.MORE_MEASURES, false)))
        .isInstanceOf(FormInputRefused.class).hasMessageContaining("nach dem Ende der Programmrunde am 31.12.2025");
    submit(measure, Map.of(CommonVariables.MEASURE_TITLE, "Heute", CommonVariables.MEASURE_FORMAT, "WORKSHOP",
        CommonVariables.PLANNED_DATE, "2023-09-01", CommonVariables.MEASURE_LEAD, "Tandem",
        ConsultationProcess.Variables.MORE_MEASURES, false));
    assertThat(planning).isWaitingAt(ConsultationProcess.Tasks.STEER_IMPLEMENTATION);
  }

  /** The task's candidate groups (bpm-assert's hasCandidateGroup sees unassigned tasks only). */
  public static List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** As Tasklist submits a task form. */
  static void submit(Task task, Map<String, Object> values) {
    formService().submitTaskForm(task.getId(), values);
  }

  ProcessInstance start(String lead) {
    return runtimeService().startProcessInstanceByKey(ConsultationProcess.KEY, Map.of(CommonVariables.REFERENCE,
        REFERENCE, CommonVariables.MUNICIPALITY_NAME, "Teamstadt", CommonVariables.CARRIER_GROUP, "consultants-k3b",
        CommonVariables.CONSULTANT_TEAM, "k3b-anna,k3b-ben", CommonVariables.CONSULTANT_LEAD, lead));
  }
}
