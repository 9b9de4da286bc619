package de.kkb.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationProcess;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health of database, engine and job executor, and the operations gauges with correct values. */
@PlatformTest
class OperationsTest {

  @LocalServerPort
  int port;
  @Autowired
  HealthEndpoint health;
  @Autowired
  MeterRegistry meters;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void healthCoversDatabaseAndEngineAndIsUp() {
    // The job executor's indicator is checked in HealthTest, where the job executor runs.
    CompositeHealth composite = (CompositeHealth) health.health();
    assertThat(composite.getStatus()).isEqualTo(Status.UP);
    assertThat(composite.getComponents()).containsKeys("db", "processEngine");
    assertThat(new HttpSession(port).get("/actuator/health").body()).contains("\"status\":\"UP\"");
  }

  @Test
  void gaugesCountOpenAndOverdueTasksIncidentsAndDueJobs() {
    Jobs.setClock("2024-02-01T09:00");
    double open = gauge("kkb.tasks.open");
    double overdue = gauge("kkb.tasks.overdue");
    double incidents = gauge("kkb.incidents");
    String id = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference", "KKB-2024-601",
        "municipalityName", "Messstadt", "carrierGroup", "consultants-k3b", "consultantTeam", "T")).getId();
    try {
      assertThat(gauge("kkb.tasks.open")).isEqualTo(open + 1);
      assertThat(gauge("kkb.tasks.overdue")).isEqualTo(overdue);
      assertThat(gauge("kkb.jobs.due")).as("task notices waiting to be sent")
          .isEqualTo(managementService.createJobQuery().executable().count());
      Jobs.setClock("2024-03-01T09:00");
      assertThat(gauge("kkb.tasks.overdue")).as("first talk due 22 Feb").isGreaterThanOrEqualTo(overdue + 1);
      assertThat(gauge("kkb.tasks.overdue"))
          .isEqualTo(taskService.createTaskQuery().active().dueBefore(ClockUtil.getCurrentTime()).count());
      runtimeService.createIncident("failedJob",
          taskService.createTaskQuery().processInstanceId(id).singleResult().getExecutionId(), "Testmeldung");
      assertThat(gauge("kkb.incidents")).isEqualTo(incidents + 1);
    } finally {
      runtimeService.deleteProcessInstance(id, "test cleanup");
    }
  }

  double gauge(String name) {
    return meters.get(name).gauge().value();
  }
}
