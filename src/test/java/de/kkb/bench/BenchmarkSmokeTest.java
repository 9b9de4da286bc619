package de.kkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Each benchmark scenario once at tiny size, so the harness cannot rot. Asserts completion only. */
@Tag("own-jvm")
class BenchmarkSmokeTest {

  @Test
  void intakeScenarioCompletes() throws Exception {
    Jobs.setClock("2023-07-03T09:00");
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test"),
        "kkb.intake.max-requests-per-minute=100000")) {
      IntakeBenchmark.Result result = IntakeBenchmark.run(PlatformStarter.port(platform), 2,
          java.time.Duration.ofMillis(500));
      assertThat(result.requests()).isPositive();
      assertThat(result.errors()).isZero();
      assertThat(result.p99Millis()).isGreaterThanOrEqualTo(result.p50Millis());
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void lifecycleScenarioCompletes() throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test"))) {
      LifecycleBenchmark bench = new LifecycleBenchmark(platform);
      int userTasks = bench.consultationLifecycle();
      assertThat(userTasks).as("user tasks of one lifecycle with three measures").isGreaterThan(20);
      bench.deployBaseline(userTasks);
      assertThat(LifecycleBenchmark.perSecond(1, 1, bench::baselineLifecycle)).isPositive();
      HistoryService history = platform.getBean(HistoryService.class);
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("Consultation")
          .completed().count()).isEqualTo(1);
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("Intervention")
          .completed().count()).isEqualTo(3);
      assertThat(history.createHistoricTaskInstanceQuery().processDefinitionKey("Baseline").finished().count())
          .isEqualTo(userTasks);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void footprintScenarioCompletes() throws Exception {
    List<FootprintBenchmark.Result> results = FootprintBenchmark.measure(1);
    assertThat(results).extracting(FootprintBenchmark.Result::application).containsExactly(
        FootprintBenchmark.KKB_DEMO_DATA, FootprintBenchmark.KKB_NO_DEMO_DATA, FootprintBenchmark.BARE);
    assertThat(results).allSatisfy(result -> {
      assertThat(result.secondsToReady()).isPositive();
      assertThat(result.rssMiB()).isGreaterThan(50);
    });
    assertThat(FootprintBenchmark.table(results)).contains("| " + FootprintBenchmark.BARE + " |");
  }
}
