package de.kkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.support.PostgresDatabases;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark ({@code ./mvnw verify -Pbench}): figures side by side with a baseline measured in
 * the same run, written to docs/benchmarks.md and printed. Targets are reported, never asserted.
 */
@Tag("bench")
class BenchmarkRunTest {

  static final int THREADS = 4;
  static final int LIFECYCLES_PER_THREAD = 5;

  @Test
  void lifecycleThroughputAgainstTheBareEngine() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("| database | consultation lifecycles/s | baseline lifecycles/s | ratio | target | user tasks per lifecycle |");
    lines.add("|---|---|---|---|---|---|");
    lines.add(measure("H2 (in-memory)", List.of("test")));
    lines.add(measure("PostgreSQL (local)", List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench")));
    String report = String.join("\n", List.of(
        "# Benchmarks",
        "",
        "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
            + (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() / (1024 * 1024 * 1024) + " GiB" : "?")
            + ", Java " + System.getProperty("java.version") + ". Date: " + LocalDate.now()
            + ". Command: `./mvnw verify -Pbench`.",
        "",
        "## 1. Lifecycle throughput",
        "",
        "Complete `Consultation` lifecycles (every user task completed through the Java API with the values",
        "its deployed form sets, three measures each, due jobs executed by the driver) against a linear model",
        "with the same number of user tasks and no listeners, delegates or timers, generated with the Camunda",
        "model API, in the same engine; " + THREADS + " threads × " + LIFECYCLES_PER_THREAD + " lifecycles.",
        "",
        String.join("\n", lines),
        "",
        "Not yet measured (issue 7 continues): the database's limit against `pgbench -b tpcb-like`, the timer",
        "storm of 10,000 reminder jobs, intake under 8 concurrent clients, footprint against a bare starter,",
        "and Tasklist's queries at 11,000 consultations.",
        ""));
    System.out.println(report);
    Files.writeString(Path.of("docs/benchmarks.md"), report);
  }

  static String measure(String database, List<String> profiles, String... properties) throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try (ConfigurableApplicationContext platform = PlatformStarter.start(profiles, properties)) {
      LifecycleBenchmark bench = new LifecycleBenchmark(platform);
      int userTasks = bench.consultationLifecycle(); // warm-up, and the size of the baseline
      bench.deployBaseline(userTasks);
      bench.baselineLifecycle();
      double consultations = LifecycleBenchmark.perSecond(THREADS, LIFECYCLES_PER_THREAD,
          bench::consultationLifecycle);
      double baseline = LifecycleBenchmark.perSecond(THREADS, LIFECYCLES_PER_THREAD, bench::baselineLifecycle);
      assertThat(consultations).isPositive();
      return String.format("| %s | %.2f | %.2f | %.2f | ≥ 0.80 | %d |", database, consultations, baseline,
          consultations / baseline, userTasks);
    } finally {
      ClockUtil.reset();
    }
  }
}
