package de.kkb.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.sql.Timestamp;
import java.util.List;

import de.kkb.support.EngineTime;
import de.kkb.support.Jobs;
import de.kkb.support.TestEngines;
import de.kkb.vocabulary.DataRetentionProcess;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Abgelaufene Daten löschen": each night in the window the platform's tables are cleaned, never outside it. */
@EngineTime("2024-03-04T12:00")
@Deployment(resources = "processes/data-retention.bpmn")
class DataRetentionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(TestEngines.processTestConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
    jdbc = TestEngines.bean(engine.getProcessEngine(), JdbcTemplate.class);
    jdbc.update("DELETE FROM kkb_notification");
  }

  @Test
  void theTimerFiresAtTheWindowsStartAndCleansUp() {
    assertThat(timerDue()).isEqualTo(Jobs.berlin("2024-03-05T01:00"));
    // A digest of 2023-03-01 (older than staff-notices, P1Y) and one of last week.
    staffNotice("old", "2023-03-01T07:00");
    staffNotice("recent", "2024-02-26T07:00");

    Jobs.setClock("2024-03-05T01:00");
    assertThat(Jobs.runDueJobs(managementService())).as("the nightly timer").isEqualTo(1);

    assertThat(passed()).contains("ServiceTask_RemoveExpiredData", "EndEvent_ExpiredDataRemoved");
    assertThat(jdbc.queryForList("SELECT id FROM kkb_notification", String.class)).containsExactly("recent");
    assertThat(timerDue()).as("the next night").isEqualTo(Jobs.berlin("2024-03-06T01:00"));
  }

  @Test
  void aTimerFiredAfterTheWindowWaitsForTheNextNight() {
    staffNotice("old", "2023-03-01T07:00");
    Jobs.setClock("2024-03-05T05:00");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);

    assertThat(passed()).contains("EndEvent_OutsideWindow").doesNotContain("ServiceTask_RemoveExpiredData");
    assertThat(jdbc.queryForList("SELECT id FROM kkb_notification", String.class)).containsExactly("old");
  }

  private java.util.Date timerDue() {
    return managementService().createJobQuery().processDefinitionKey(DataRetentionProcess.KEY).timers()
        .singleResult().getDuedate();
  }

  private List<String> passed() {
    String instance = historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(DataRetentionProcess.KEY).singleResult().getId();
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .finished().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private void staffNotice(String id, String berlinTime) {
    jdbc.update("INSERT INTO kkb_notification (id, template, recipient, business_key, subject, body_text, "
            + "body_html, status, attempts, created_at) VALUES (?, 'daily-digest', 'steuerung@kkb.example.org', "
            + "NULL, 'Tagesübersicht', 'x', 'x', 'LOGGED', 1, ?)", id,
        new Timestamp(Jobs.berlin(berlinTime).getTime()));
  }
}
