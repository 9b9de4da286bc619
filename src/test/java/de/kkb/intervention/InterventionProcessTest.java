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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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
    return runtimeService().startProcessInstanceByKey("Intervention", "KKB-2023-001", Map.of(
        "reference", "KKB-2023-001", "municipalityName", "Musterstadt",
        "carrierGroup", "consultants-k3b", "measureTitle", "Runder Tisch Innenstadt",
        "measureFormat", "RUNDER_TISCH", "plannedDate", plannedDate, "measureLead", "Tandem K3B"));
  }

  private void prepare(ProcessInstance measure) {
    assertThat(measure).isWaitingAt("Task_PrepareIntervention");
    assertThat(task(measure)).hasCandidateGroup("consultants-k3b");
    complete(task(measure), withVariables("venue", "Ratssaal",
        "invitedGroups", "Verwaltung, Ortsbeirat"));
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
    assertThat(measure).isWaitingAt("Task_DocumentIntervention");
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
    complete(task(measure), withVariables("interventionOutcome", "HELD", "participants", 34,
        "resultSummary", "Gemeinsame Regeln für die Innenstadt vereinbart.", "followUpPlanned", false));
    assertThat(measure).isEnded().hasPassed("EndEvent_InterventionDocumented")
        .variables().containsEntry("participants", 34).containsEntry("interventionOutcome", "HELD");
  }

  @Test
  void measureCancelled() {
    ProcessInstance measure = preparedAndDue("2024-04-10");
    complete(task(measure), withVariables("interventionOutcome", "CANCELLED",
        "resultSummary", "Abgesagt: Ratssitzung am selben Abend.", "followUpPlanned", false));
    assertThat(measure).isEnded().hasPassed("EndEvent_InterventionDocumented")
        .variables().containsEntry("interventionOutcome", "CANCELLED");
  }

  @Test
  void followUpLoopsWithANewDate() {
    ProcessInstance measure = preparedAndDue("2024-03-15");
    complete(task(measure), withVariables("interventionOutcome", "HELD", "participants", 20,
        "resultSummary", "Erster Termin, Fortsetzung vereinbart.", "followUpPlanned", true));
    assertThat(measure).isWaitingAt("Task_PrepareIntervention");
    complete(task(measure), withVariables("plannedDate", "2024-05-02", "venue", "Bürgerhaus",
        "invitedGroups", "Verwaltung, Vereine", "followUpPlanned", false));
    reachPlannedDate(measure, "2024-05-02");
    complete(task(measure), withVariables("interventionOutcome", "HELD", "participants", 25,
        "resultSummary", "Fortsetzung mit Vereinbarung abgeschlossen.", "followUpPlanned", false));
    assertThat(measure).isEnded();
    assertThat(measure).hasPassedInOrder("Task_PrepareIntervention", "Task_DocumentIntervention",
        "Task_PrepareIntervention", "Task_DocumentIntervention", "EndEvent_InterventionDocumented");
  }
}
