package de.kkb.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
@Deployment(resources = "processes/programme-round.bpmn")
class ProgrammeRoundProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(TestEngines.processTestConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
  }

  @Test
  void theRoundRunsFromTheCallToTheEvaluation() {
    ProcessInstance round = runtimeService().startProcessInstanceByKey("ProgrammeRound", "KKB-RUNDE-2023-06-01");
    assertThat(round).isWaitingAt("Event_ApplicationDeadline");

    Jobs.setClock("2023-09-30T23:59");
    assertThat(Jobs.runDueJobs(managementService())).isZero();
    Jobs.setClock("2023-10-01T00:00");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);
    assertThat(round).isWaitingAt("Task_ConcludeSelection").variables()
        .containsEntry("roundStart", "01.06.2023").containsEntry("roundEnd", "31.12.2025")
        .containsEntry("capacity", 4).containsEntry("placesTaken", 0).containsEntry("roundPhase", "Auswahl");
    assertThat(task(round)).hasCandidateGroup("programme-management");
    complete(task(round), withVariables("selectionSummary", "Vier Kommunen ausgewählt."));

    assertThat(round).isWaitingAt("Event_ProgrammeEndApproaching");
    Jobs.setClock("2025-09-30T23:59");
    assertThat(Jobs.runDueJobs(managementService())).isZero();
    Jobs.setClock("2025-10-01T00:00");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);
    assertThat(round).isWaitingAt("Event_ProgrammeEnd");
    Jobs.setClock("2026-01-01T00:00");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);
    assertThat(round).isWaitingAt("Task_EvaluateProgramme")
        .variables().containsEntry("roundPhase", "Abschluss");
    complete(task(round), withVariables("evaluationDate", "2026-02-15",
        "evaluationSummary", "In vier Kommunen sind dauerhafte Strukturen der Konfliktbearbeitung entstanden."));
    assertThat(round).isEnded().hasPassed("EndEvent_RoundCompleted");
  }
}
