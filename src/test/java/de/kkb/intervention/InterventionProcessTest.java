package de.kkb.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import de.kkb.support.EngineTime;
import de.kkb.support.Jobs;
import de.kkb.support.TestEngines;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the measure process "Maßnahme", with the engine clock moved to the planned dates. */
@EngineTime("2024-03-01T09:00")
@Deployment(resources = "processes/intervention.bpmn")
class InterventionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(TestEngines.processTestConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
  }

  private ProcessInstance start(String plannedDate) {
    return runtimeService().startProcessInstanceByKey(InterventionProcess.KEY, "KKB-2023-001", Map.of(
        CommonVariables.REFERENCE, "KKB-2023-001", CommonVariables.MUNICIPALITY_NAME, "Musterstadt",
        CommonVariables.CARRIER_GROUP, "consultants-k3b", CommonVariables.MEASURE_TITLE, "Runder Tisch Innenstadt",
        CommonVariables.MEASURE_FORMAT, "RUNDER_TISCH", CommonVariables.PLANNED_DATE, plannedDate, CommonVariables.MEASURE_LEAD, "Tandem K3B"));
  }

  private void prepare(ProcessInstance measure) {
    assertThat(measure).isWaitingAt(InterventionProcess.Tasks.PREPARE_INTERVENTION);
    assertThat(task(measure)).hasCandidateGroup("consultants-k3b");
    submit(task(measure), withVariables(InterventionProcess.Variables.VENUE, "Ratssaal",
        InterventionProcess.Variables.INVITED_GROUPS, "Verwaltung, Ortsbeirat"));
  }

  /** The documentation task appears on the planned day and not before. */
  private void reachPlannedDate(ProcessInstance measure, String plannedDay) {
    assertThat(measure).isWaitingAt("Event_PlannedDateReached");
    Job timer = managementService().createJobQuery().processInstanceId(measure.getId()).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(java.sql.Timestamp.valueOf(plannedDay + " 00:00:00"));
    assertThat(Jobs.runDueJobs(managementService())).isZero();
    assertThat(measure).isWaitingAt("Event_PlannedDateReached");
    Jobs.setClock(plannedDay + "T08:00");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);
    assertThat(measure).isWaitingAt(InterventionProcess.Tasks.DOCUMENT_INTERVENTION);
  }

  private ProcessInstance preparedAndDue(String plannedDay) {
    ProcessInstance measure = start(plannedDay);
    prepare(measure);
    reachPlannedDate(measure, plannedDay);
    return measure;
  }

  @Test
  void measureHeldOnThePlannedDate() {
    ProcessInstance measure = preparedAndDue("2024-03-15");
    submit(task(measure), withVariables(InterventionProcess.Variables.INTERVENTION_OUTCOME, "HELD", InterventionProcess.Variables.PARTICIPANTS, 34L,
        InterventionProcess.Variables.RESULT_SUMMARY, "Gemeinsame Regeln für die Innenstadt vereinbart.", InterventionProcess.Variables.FOLLOW_UP_PLANNED, false));
    // What the report and the gateway read stays a variable; the rest is the step's record.
    assertThat(measure).isEnded().hasPassed("EndEvent_InterventionDocumented")
        .variables().containsEntry(InterventionProcess.Variables.INTERVENTION_OUTCOME, "HELD")
        .containsEntry(InterventionProcess.Variables.FOLLOW_UP_PLANNED, false)
        .doesNotContainKeys(InterventionProcess.Variables.PARTICIPANTS, InterventionProcess.Variables.RESULT_SUMMARY);
    SpinJsonNode record = record(measure, InterventionProcess.Variables.DOCUMENTATION_RECORD);
    assertThat(record.prop(InterventionProcess.Variables.PARTICIPANTS).numberValue()).isEqualTo(34);
    assertThat(record.prop(InterventionProcess.Variables.RESULT_SUMMARY).stringValue())
        .isEqualTo("Gemeinsame Regeln für die Innenstadt vereinbart.");
    assertThat(record(measure, InterventionProcess.Variables.PREPARATION_RECORD)
        .prop(InterventionProcess.Variables.VENUE).stringValue()).isEqualTo("Ratssaal");
  }

  /** Submits the task's form as Tasklist does (through the platform's form handler). */
  private static void submit(org.camunda.bpm.engine.task.Task task, Map<String, Object> values) {
    BpmnAwareTests.formService().submitTaskForm(task.getId(), values);
  }

  private static SpinJsonNode record(ProcessInstance measure, String name) {
    return (SpinJsonNode) BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(measure.getId()).variableName(name).singleResult().getValue();
  }

  @Test
  void measureCancelled() {
    ProcessInstance measure = preparedAndDue("2024-04-10");
    complete(task(measure), withVariables(InterventionProcess.Variables.INTERVENTION_OUTCOME, "CANCELLED",
        InterventionProcess.Variables.RESULT_SUMMARY, "Abgesagt: Ratssitzung am selben Abend.", InterventionProcess.Variables.FOLLOW_UP_PLANNED, false));
    assertThat(measure).isEnded().hasPassed("EndEvent_InterventionDocumented")
        .variables().containsEntry(InterventionProcess.Variables.INTERVENTION_OUTCOME, "CANCELLED");
  }

  @Test
  void followUpLoopsWithANewDate() {
    ProcessInstance measure = preparedAndDue("2024-03-15");
    submit(task(measure), withVariables(InterventionProcess.Variables.INTERVENTION_OUTCOME, "HELD", InterventionProcess.Variables.PARTICIPANTS, 20L,
        InterventionProcess.Variables.RESULT_SUMMARY, "Erster Termin, Fortsetzung vereinbart.", InterventionProcess.Variables.FOLLOW_UP_PLANNED, true));
    assertThat(measure).isWaitingAt(InterventionProcess.Tasks.PREPARE_INTERVENTION);
    submit(task(measure), withVariables(CommonVariables.PLANNED_DATE, "2024-05-02", InterventionProcess.Variables.VENUE, "Bürgerhaus",
        InterventionProcess.Variables.INVITED_GROUPS, "Verwaltung, Vereine", InterventionProcess.Variables.FOLLOW_UP_PLANNED, false));
    reachPlannedDate(measure, "2024-05-02");
    // The second documentation starts empty and unticked, not with the first one's answers.
    assertThat(BpmnAwareTests.taskService().getVariable(task(measure).getId(), InterventionProcess.Variables.FOLLOW_UP_PLANNED))
        .isEqualTo(false);
    assertThat(BpmnAwareTests.taskService().getVariable(task(measure).getId(), InterventionProcess.Variables.RESULT_SUMMARY))
        .isNull();
    submit(task(measure), withVariables(InterventionProcess.Variables.INTERVENTION_OUTCOME, "HELD", InterventionProcess.Variables.PARTICIPANTS, 25L,
        InterventionProcess.Variables.RESULT_SUMMARY, "Fortsetzung mit Vereinbarung abgeschlossen.", InterventionProcess.Variables.FOLLOW_UP_PLANNED, false));
    assertThat(measure).isEnded();
    // Each documentation was recorded: the history keeps both rounds' records.
    assertThat(BpmnAwareTests.historyService().createHistoricDetailQuery().processInstanceId(measure.getId())
        .variableUpdates().list()).filteredOn(update -> InterventionProcess.Variables.DOCUMENTATION_RECORD
            .equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) update).getVariableName())).hasSize(2);
    assertThat(measure).hasPassedInOrder(InterventionProcess.Tasks.PREPARE_INTERVENTION, InterventionProcess.Tasks.DOCUMENT_INTERVENTION,
        InterventionProcess.Tasks.PREPARE_INTERVENTION, InterventionProcess.Tasks.DOCUMENT_INTERVENTION, "EndEvent_InterventionDocumented");
  }
}
