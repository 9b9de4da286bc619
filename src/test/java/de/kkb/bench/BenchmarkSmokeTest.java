package de.kkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.reporting.ProgrammeReport;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark scenarios once at tiny size, so that the harness cannot rot: each asserts that the
 * scenario did what its figures claim. The footprint scenario builds a project of its own and runs
 * with the benchmark ({@link FootprintSmokeTest}).
 */
@Tag("own-jvm")
class BenchmarkSmokeTest {

  @Test
  void intakeScenarioCompletes() throws Exception {
    Jobs.setClock("2023-07-03T09:00");
    Duration duration = Duration.ofMillis(500);
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test"),
        "kkb.intake.max-requests-per-minute=100000", BareIntake.ENABLED + "=true")) {
      IntakeBenchmark.Result result = IntakeBenchmark.run(PlatformStarter.port(platform), 2, duration);
      assertThat(result.requests()).isPositive();
      assertThat(result.errors()).isZero();
      // Every request counted was registered and started its request process.
      HistoryService history = platform.getBean(HistoryService.class);
      assertThat(history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(ConsultationRequestProcess.KEY).count()).isEqualTo(result.requests());
      assertThat(platform.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM kkb_request",
          Long.class)).isEqualTo(result.requests());
      // The rate is over the whole run, which lasts at least as long as the clients were sending.
      assertThat(result.perSecond()).isPositive()
          .isLessThanOrEqualTo(result.requests() * 1000.0 / duration.toMillis());

      // The bare endpoint, in turns as the benchmark measures it: each request started one process
      // with its one task waiting, and nothing of the platform's intake.
      IntakeBenchmark.Samples samples = new IntakeBenchmark.Samples();
      IntakeBenchmark.run(samples, PlatformStarter.port(platform), BareIntake.PATH, 2, duration);
      IntakeBenchmark.run(samples, PlatformStarter.port(platform), BareIntake.PATH, 2, duration);
      IntakeBenchmark.Result bare = samples.result();
      assertThat(bare.requests()).isPositive();
      assertThat(bare.errors()).isZero();
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(BareIntake.PROCESS_KEY).count())
          .isEqualTo(bare.requests());
      assertThat(platform.getBean(TaskService.class).createTaskQuery().processDefinitionKey(BareIntake.PROCESS_KEY)
          .count()).isEqualTo(bare.requests());
      assertThat(bare.perSecond()).isLessThanOrEqualTo(bare.requests() * 1000.0 / (2 * duration.toMillis()));
      assertThat(history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(ConsultationRequestProcess.KEY).count()).isEqualTo(result.requests());
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void lifecycleScenarioCompletes() throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test"),
        "camunda.bpm.job-execution.enabled=true")) {
      LifecycleBenchmark bench = new LifecycleBenchmark(platform);
      int userTasks = bench.consultationLifecycle();
      assertThat(userTasks).as("user tasks of one lifecycle with three measures").isGreaterThan(20);
      bench.deployBaseline(userTasks);
      bench.perSecond(1, 1, bench::baselineLifecycle);
      HistoryService history = platform.getBean(HistoryService.class);
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
          .completed().count()).isEqualTo(1);
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(InterventionProcess.KEY)
          .completed().count()).isEqualTo(3);
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("Baseline")
          .completed().count()).isEqualTo(1);
      assertThat(history.createHistoricTaskInstanceQuery().processDefinitionKey("Baseline").finished().count())
          .isEqualTo(userTasks);
      // The report of the finished consultation, read set-based, agrees with its history.
      ProgrammeReport.Row row = platform.getBean(ProgrammeReport.class).rows().get(0);
      assertThat(row.measuresPlanned()).isEqualTo(3);
      assertThat(row.measuresCarriedOut()).isEqualTo(3);
      assertThat(row.openTasks()).isZero();
      assertThat(row.daysInPhase()).isNull();
      assertThat(row.phaseStarted()).containsOnlyKeys(ProgrammeReport.PHASES);
      assertThat(row.lastActivity()).isAfterOrEqualTo(row.phaseStarted().get("Auswertung und Abschluss"));
      assertThat(bench.rows()).containsKey(LifecycleBenchmark.NOTIFICATION_LOG).allSatisfy((table, rows) -> assertThat(rows).isPositive());

      // The same models on a bare engine: the same tasks, none of the platform's additions.
      try (BareEngine bare = BareEngine.start(platform, BenchmarkRunTest.BareDatabase.h2().url(), "sa", "")) {
        LifecycleBenchmark bareBench = new LifecycleBenchmark(bare);
        assertThat(bareBench.consultationLifecycle()).isEqualTo(userTasks);
        HistoryService bareHistory = bare.engine().getHistoryService();
        assertThat(bareHistory.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
            .completed().count()).isEqualTo(1);
        assertThat(bareHistory.createHistoricProcessInstanceQuery().processDefinitionKey(InterventionProcess.KEY)
            .completed().count()).isEqualTo(3);
        assertThat(bareHistory.createHistoricTaskInstanceQuery().finished().count()).isEqualTo(userTasks);
        // The platform gives every task a due date (a global listener); the bare engine none.
        java.util.Date epoch = new java.util.Date(0);
        assertThat(history.createHistoricTaskInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
            .taskDueAfter(epoch).count()).isPositive();
        assertThat(bareHistory.createHistoricTaskInstanceQuery().taskDueAfter(epoch).count()).isZero();
        assertThat(bareBench.rows()).containsEntry(LifecycleBenchmark.NOTIFICATION_LOG, 0L);
        assertThat(bare.engine().getAuthorizationService().createAuthorizationQuery().count()).isZero();
      }
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void timerStormScenarioCompletes() throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try {
      TimerStormBenchmark.Result result = TimerStormBenchmark.run(List.of("test"), 30);
      assertThat(result.remindersReceived()).as("reminders that reached the mail server").isEqualTo(30);
      assertThat(result.logSent()).isEqualTo(30);
      assertThat(result.sentTwice()).isZero();
      assertThat(result.mailsReceived()).isGreaterThanOrEqualTo(30);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void scaleScenarioCompletes() throws Exception {
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test"))) {
      assertScaleScenarioCompletes(platform);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Eight consultations in four waves: the later waves' tasks are not all due yet. Each user is
   * measured on the filters Tasklist lists for her, and the requests timed answer what the table
   * says they answer: programme management's "Überfällig" counts every overdue task and "Alle
   * Aufgaben" every task, a consultant's filters only her carrier's, and the first page is full.
   */
  static void assertScaleScenarioCompletes(ConfigurableApplicationContext platform) throws Exception {
    ScaleBenchmark.Result result = ScaleBenchmark.run(platform, 8, 2, 2);
    assertThat(result.openTasks()).isGreaterThanOrEqualTo(8);
    assertThat(result.overdueTasks()).isPositive().isLessThan(result.openTasks());
    assertThat(result.historicActivities()).isPositive();
    assertThat(result.filters()).allSatisfy(f -> {
      assertThat(f.page().samples()).isEqualTo(2);
      assertThat(f.count().samples()).isEqualTo(2);
    });
    assertThat(filters(result, "steuerung")).containsExactly("Meine Aufgaben", "Gruppenaufgaben", "Überfällig",
        "Alle Aufgaben");
    for (String consultant : List.of("k3b-anna", "fzfd-clara")) {
      assertThat(filters(result, consultant)).containsExactly("Meine Aufgaben", "Gruppenaufgaben", "Überfällig",
          "Aufgaben meines Trägers");
      assertThat(tasks(result, consultant, "Überfällig")).isPositive().isLessThan(result.overdueTasks());
      assertThat(tasks(result, consultant, "Aufgaben meines Trägers")).isPositive()
          .isLessThan(result.openTasks());
    }
    assertThat(tasks(result, "steuerung", "Überfällig")).isEqualTo(result.overdueTasks());
    assertThat(tasks(result, "steuerung", "Alle Aufgaben")).isEqualTo(result.openTasks());
    HttpSession management = ScaleBenchmark.session(platform, "steuerung");
    JsonNode page = json(ScaleBenchmark.page(management, ScaleBenchmark.filters(management).get("Überfällig")));
    assertThat(page.path("count").asLong()).isEqualTo(result.overdueTasks());
    assertThat(page.path("_embedded").path("task")).hasSize((int) Math.min(15, result.overdueTasks()));
    assertThat(platform.getBean(ProgrammeReport.class).rows()).hasSize(8)
        .allSatisfy(row -> assertThat(row.municipalityName()).startsWith("Stadt KKB-"));
  }

  private static List<String> filters(ScaleBenchmark.Result result, String user) {
    return result.filters().stream().filter(f -> f.user().equals(user)).map(ScaleBenchmark.FilterLatency::filter)
        .toList();
  }

  private static long tasks(ScaleBenchmark.Result result, String user, String filter) {
    return result.filters().stream().filter(f -> f.user().equals(user) && f.filter().equals(filter))
        .findFirst().orElseThrow().tasks();
  }

  private static JsonNode json(Supplier<HttpResponse<String>> request) throws Exception {
    HttpResponse<String> response = request.get();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
