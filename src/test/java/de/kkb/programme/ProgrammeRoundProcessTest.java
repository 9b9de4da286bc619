package de.kkb.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import de.kkb.support.EngineTime;
import de.kkb.support.Jobs;
import de.kkb.support.TestEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source round from its start to the programme evaluation, on the engine clock. */
@EngineTime("2023-06-01T08:00")
@Deployment(resources = {"processes/programme-round.bpmn", "processes/interim-report.bpmn",
    "processes/consultation.bpmn", "processes/intervention.bpmn"})
class ProgrammeRoundProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(TestEngines.processTestConfiguration())
      .excludeProcessDefinitionKeys("Consultation", "Intervention")
      .assertClassCoverageAtLeast(1.0)
      .build();

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
  }

  long interimReportsOf(ProcessInstance consultation) {
    return historyService().createHistoricProcessInstanceQuery().processDefinitionKey("InterimReport")
        .processInstanceBusinessKey(consultation.getBusinessKey()).count();
  }

  @Test
  void theRoundRunsFromTheCallToTheEvaluation() {
    ProcessInstance round = runtimeService().startProcessInstanceByKey("ProgrammeRound", "KKB-RUNDE-2023-06-01");
    assertThat(round).isWaitingAt("Event_ApplicationDeadline");

    Jobs.setClock("2023-09-30T23:59");
    Jobs.runDueJobs(managementService());
    assertThat(round).isWaitingAt("Event_ApplicationDeadline");
    Jobs.setClock("2023-10-01T00:00");
    Jobs.runDueJobs(managementService());
    assertThat(round).isWaitingAt("Task_ConcludeSelection").variables()
        .containsEntry("roundStart", "01.06.2023").containsEntry("roundEnd", "31.12.2025")
        .containsEntry("capacity", 4).containsEntry("placesTaken", 0).containsEntry("roundPhase", "Auswahl");
    assertThat(task(round)).hasCandidateGroup("programme-management");
    complete(task(round), withVariables("selectionSummary", "Vier Kommunen ausgewählt."));

    // A consultation runs from November 2023: it is asked for a report every quarter of the round.
    Jobs.setClock("2023-11-15T09:00");
    ProcessInstance consultation = runtimeService().startProcessInstanceByKey("Consultation", Map.of(
        "reference", "KKB-2023-001", "municipalityName", "Musterstadt", "carrierGroup", "consultants-k3b",
        "consultantTeam", "Team"));
    Jobs.setClock("2023-11-30T23:59");
    Jobs.runDueJobs(managementService());
    assertThat(interimReportsOf(consultation)).isZero();
    Jobs.setClock("2023-12-01T00:00");
    Jobs.runDueJobs(managementService());
    assertThat(interimReportsOf(consultation)).as("the quarter from 1 Sep to 1 Dec").isEqualTo(1);
    ProcessInstance report = runtimeService().createProcessInstanceQuery().processDefinitionKey("InterimReport")
        .singleResult();
    assertThat(task(report)).hasCandidateGroup("consultants-k3b").hasName("Zwischenbericht erstellen");
    assertThat(report).variables().containsEntry("municipalityName", "Musterstadt")
        .containsEntry("phase", "Auftragsklärung");
    complete(task(report), withVariables("reportPeriod", "4. Quartal 2023",
        "reportSummary", "Kooperationsvereinbarung in Vorbereitung."));
    assertThat(report).isEnded().hasPassed("EndEvent_InterimReportWritten");
    Jobs.setClock("2024-03-01T00:00");
    Jobs.runDueJobs(managementService());
    assertThat(interimReportsOf(consultation)).isEqualTo(2);
    runtimeService().deleteProcessInstance(consultation.getId(), "test");

    assertThat(round).isWaitingAt("Event_ProgrammeEndApproaching");
    Jobs.setClock("2025-09-30T23:59");
    Jobs.runDueJobs(managementService());
    assertThat(round).isWaitingAt("Event_ProgrammeEndApproaching");
    Jobs.setClock("2025-10-01T00:00");
    Jobs.runDueJobs(managementService());
    assertThat(round).hasPassed("ServiceTask_AnnounceProgrammeEnd").isWaitingAt("Event_ProgrammeEnd");
    Jobs.setClock("2026-01-01T00:00");
    Jobs.runDueJobs(managementService());
    assertThat(round).hasPassed("ServiceTask_ReportProgrammeEnd").isWaitingAt("Task_EvaluateProgramme")
        .variables().containsEntry("roundPhase", "Abschluss");
    complete(task("Task_EvaluateProgramme", round), withVariables("evaluationDate", "2026-02-15",
        "evaluationSummary", "In vier Kommunen sind dauerhafte Strukturen der Konfliktbearbeitung entstanden."));
    assertThat(round).isEnded().hasPassed("EndEvent_RoundCompleted", "EndEvent_InterimReportsRequested");
    assertThat(taskQuery().processDefinitionKey("InterimReport").count()).as("none after the end").isEqualTo(1);
  }
}
