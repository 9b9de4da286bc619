package de.kkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.support.PostgresDatabases;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark scenarios that need the PostgreSQL server, once at tiny size, in the PostgreSQL
 * suite ({@code ./mvnw verify -Ppostgres}, run by CI): {@code ./mvnw verify} itself needs no server.
 * The footprint scenario builds a project of its own and runs with the benchmark
 * ({@link FootprintSmokeTest}).
 */
@Tag("postgres")
@Tag("own-jvm")
class BenchmarkPostgresSmokeTest {

  @Test
  void databaseLimitScenarioCompletes() throws Exception {
    int seconds = 2;
    PgbenchBenchmark.Result result = PgbenchBenchmark.run(2, 1, seconds);
    // The rate read is the rate of the transactions pgbench counted over the run's seconds.
    assertThat(result.transactions()).isPositive();
    assertThat(result.transactions() / result.tps()).isBetween(seconds * 0.5, seconds * 1.5);
  }

  @Test
  void timerStormScenarioCompletesOnPostgres() throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try {
      TimerStormBenchmark.Result result = TimerStormBenchmark.run(List.of("test", "postgres"), 30,
          "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_smoke_storm"));
      assertThat(result.remindersReceived()).as("reminders that reached the mail server").isEqualTo(30);
      assertThat(result.logSent()).isEqualTo(30);
      assertThat(result.sentTwice()).isZero();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void scaleScenarioCompletesOnPostgres() throws Exception {
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_smoke_scale"))) {
      BenchmarkSmokeTest.assertScaleScenarioCompletes(platform);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void nodesScenarioSpreadsTheLoadOverBothNodesAndMeasuresWhereTheTimeGoes() throws Exception {
    NodesBenchmark.Result result = NodesBenchmark.run(2, 2, Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(result.nodes()).isEqualTo(2);
    assertThat(result.errors()).as("units with a request or a task page not answered as it should be: %s",
        result.failures()).isZero();
    assertThat(result.unitsPerNode()).hasSize(2).allSatisfy(units -> assertThat(units).isPositive());
    assertThat(result.unitsPerNode().stream().mapToInt(Integer::intValue).sum()).isEqualTo(result.units());
    assertThat(result.machineBusy()).isPositive().isLessThanOrEqualTo(1.0);
    assertThat(result.nodeCpuMillisPerUnit()).isPositive();
    // A request registers, then starts its process: at least two commits each.
    assertThat(result.commitsPerUnit()).isGreaterThanOrEqualTo(2);
    assertThat(result.p95Millis()).isGreaterThanOrEqualTo(result.p50Millis()).isPositive();
  }
}
