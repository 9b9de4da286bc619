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
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.InterimReportProcess;
import de.kkb.vocabulary.InterventionProcess;
import de.kkb.vocabulary.ProgrammeRoundProcess;
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
      .excludeProcessDefinitionKeys(ConsultationProcess.KEY, InterventionProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
  }

  long interimReportsOf(ProcessInstance consultation) {
    return historyService().createHistoricProcessInstanceQuery().processDefinitionKey(InterimReportProcess.KEY)
        .processInstanceBusinessKey(consultation.getBusinessKey()).count();
  }

  @Test
  void theRoundRunsFromTheCallToTheEvaluation() {
    ProcessInstance round = runtimeService().startProcessInstanceByKey(ProgrammeRoundProcess.KEY, "KKB-RUNDE-2023-06-01");
    assertThat(round).isWaitingAt("Event_ApplicationDeadline");

    Jobs.setClock("2023-09-30T23:59");
    Jobs.runDueJobs(managementService());
    assertThat(round).isWaitingAt("Event_ApplicationDeadline");
    Jobs.setClock("2023-10-01T00:00");
    Jobs.runDueJobs(managementService());
    assertThat(round).isWaitingAt(ProgrammeRoundProcess.Tasks.CONCLUDE_SELECTION).variables()
        .containsEntry(ProgrammeRoundProcess.Variables.ROUND_START, "01.06.2023").containsEntry(ProgrammeRoundProcess.Variables.ROUND_END, "31.12.2025")
        .containsEntry(ProgrammeRoundProcess.Variables.CAPACITY, 4).containsEntry(ProgrammeRoundProcess.Variables.PLACES_TAKEN, 0).containsEntry(ProgrammeRoundProcess.Variables.ROUND_PHASE, "Auswahl");
    assertThat(task(round)).hasCandidateGroup("programme-management");
    complete(task(round), withVariables(ProgrammeRoundProcess.Variables.SELECTION_SUMMARY, "Vier Kommunen ausgewählt."));

    // A consultation runs from November 2023: it is asked for a report every quarter of the round.
    Jobs.setClock("2023-11-15T09:00");
    ProcessInstance consultation = runtimeService().startProcessInstanceByKey(ConsultationProcess.KEY, Map.of(
        CommonVariables.REFERENCE, "KKB-2023-001", CommonVariables.MUNICIPALITY_NAME, "Musterstadt", CommonVariables.CARRIER_GROUP, "consultants-k3b",
        CommonVariables.CONSULTANT_TEAM, "Team"));
    Jobs.setClock("2023-11-30T23:59");
    Jobs.runDueJobs(managementService());
    assertThat(interimReportsOf(consultation)).isZero();
    Jobs.setClock("2023-12-01T00:00");
    Jobs.runDueJobs(managementService());
    assertThat(interimReportsOf(consultation)).as("the quarter from 1 Sep to 1 Dec").isEqualTo(1);
    ProcessInstance report = runtimeService().createProcessInstanceQuery().processDefinitionKey(InterimReportProcess.KEY)
        .singleResult();
    assertThat(task(report)).hasCandidateGroup("consultants-k3b").hasName("Zwischenbericht erstellen");
    assertThat(report).variables().containsEntry(CommonVariables.MUNICIPALITY_NAME, "Musterstadt")
        .containsEntry(CommonVariables.PHASE, "Auftragsklärung");
    complete(task(report), withVariables(InterimReportProcess.Variables.REPORT_PERIOD, "4. Quartal 2023",
        InterimReportProcess.Variables.REPORT_SUMMARY, "Kooperationsvereinbarung in Vorbereitung."));
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
    assertThat(round).hasPassed("ServiceTask_ReportProgrammeEnd").isWaitingAt(ProgrammeRoundProcess.Tasks.EVALUATE_PROGRAMME)
        .variables().containsEntry(ProgrammeRoundProcess.Variables.ROUND_PHASE, "Abschluss");
    complete(task(ProgrammeRoundProcess.Tasks.EVALUATE_PROGRAMME, round), withVariables(ProgrammeRoundProcess.Variables.EVALUATION_DATE, "2026-02-15",
        ProgrammeRoundProcess.Variables.EVALUATION_SUMMARY, "In vier Kommunen sind dauerhafte Strukturen der Konfliktbearbeitung entstanden."));
    assertThat(round).isEnded().hasPassed("EndEvent_RoundCompleted", "EndEvent_InterimReportsRequested");
    assertThat(taskQuery().processDefinitionKey(InterimReportProcess.KEY).count()).as("none after the end").isEqualTo(1);
  }
}
