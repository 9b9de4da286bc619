package de.kkb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * docs/benchmarks-template.md and {@link BenchmarkRunTest} agree, checked in the default run
 * rather than at the end of an hour of measuring: every placeholder gets a value, every value a
 * place, and the figures land in their tables.
 */
class BenchmarkReportTest {

  /**
   * The figures of the run of 2026-11-25, as docs/benchmarks.md showed them; the bare engine's, the
   * bare endpoint's and the lifecycle rows of each are made up, since that run had none of them.
   */
  static final BenchmarkRunTest.Results RESULTS = new BenchmarkRunTest.Results(
      lifecycle("H2 (in-memory)", 4.64, 5.8, 27.77),
      lifecycle("PostgreSQL", 3.948, 4.7, 15.39),
      4130,
      new TimerStormBenchmark.Result(10_000, 630, 10_001, 0, 10_000, 10_000),
      new TimerStormBenchmark.Result(10_000, 718, 10_001, 0, 10_000, 10_000),
      new BenchmarkRunTest.Intake("H2 (in-memory)", new IntakeBenchmark.Result(2459, 81.8, 41.1, 902.2, 0),
          new IntakeBenchmark.Result(4950, 165.0, 40.2, 120.5, 0)),
      new BenchmarkRunTest.Intake("PostgreSQL", new IntakeBenchmark.Result(2331, 77.4, 98.8, 178.1, 0),
          new IntakeBenchmark.Result(3870, 129.0, 55.0, 150.3, 1)),
      List.of(new FootprintBenchmark.Result(FootprintBenchmark.KKB_DEMO_DATA, 8.97, 616),
          new FootprintBenchmark.Result(FootprintBenchmark.KKB_NO_DEMO_DATA, 7.08, 540),
          new FootprintBenchmark.Result(FootprintBenchmark.BARE, 5.92, 494)),
      List.of(new FootprintBenchmark.Result(FootprintBenchmark.KKB_POSTGRES, 6.51, 581),
          new FootprintBenchmark.Result(FootprintBenchmark.BARE_POSTGRES, 5.77, 567)),
      new ScaleBenchmark.Result(11_000, 11_000, 7_333, 69_654, 90, List.of(
          new ScaleBenchmark.FilterLatency("steuerung", "Überfällig", 7_333,
              new ScaleBenchmark.Latency(63.3, 79.8, 50), new ScaleBenchmark.Latency(18.9, 28.2, 50)),
          new ScaleBenchmark.FilterLatency("k3b-anna", "Überfällig", 3_667,
              new ScaleBenchmark.Latency(132.5, 141.1, 50), new ScaleBenchmark.Latency(62.9, 68.3, 50))),
          new ScaleBenchmark.Latency(224.4, 262.4, 20)),
      new NodesBenchmark.Result(1, 1200, 40.0, 180.2, 410.5, 0, List.of(1200), 0.97, 38.4, 21.3, 0.52, Map.of()),
      new NodesBenchmark.Result(2, 1104, 36.8, 200.1, 455.0, 0, List.of(552, 552), 0.99, 44.0, 21.4, 0.61, Map.of()));

  static BenchmarkRunTest.Lifecycle lifecycle(String database, double consultations, double bareEngine,
      double baseline) {
    Map<String, Long> consultationRows = new LinkedHashMap<>();
    Map<String, Long> bareEngineRows = new LinkedHashMap<>();
    Map<String, Long> baselineRows = new LinkedHashMap<>();
    long[][] rows = {{4, 4, 1}, {62, 60, 23}, {21, 21, 21}, {116, 90, 1}, {146, 120, 21}, {21, 21, 0},
        {94, 20, 0}, {10, 8, 0}, {0, 0, 0}};
    for (int i = 0; i < rows.length; i++) {
      consultationRows.put(LifecycleBenchmark.HISTORY_TABLES.get(i), rows[i][0]);
      bareEngineRows.put(LifecycleBenchmark.HISTORY_TABLES.get(i), rows[i][1]);
      baselineRows.put(LifecycleBenchmark.HISTORY_TABLES.get(i), rows[i][2]);
    }
    return new BenchmarkRunTest.Lifecycle(database, consultations, bareEngine, baseline, 21, 2, consultationRows,
        bareEngineRows, baselineRows);
  }

  @Test
  void theTemplateHasAPlaceForEveryFigure() throws Exception {
    String report = BenchmarkRunTest.report(Files.readString(BenchmarkRunTest.TEMPLATE), RESULTS,
        "2 cores, 23 GiB, Java 17.0.15", LocalDate.of(2026, 11, 25));
    assertThat(report).startsWith("# Benchmarks\n").doesNotContain("{{", "}}", "<!--").endsWith("\n")
        .contains("Machine: 2 cores, 23 GiB, Java 17.0.15, PostgreSQL on the same machine. Date: 2026-11-25.")
        .contains("4 threads × 8 lifecycles each, after 3 of each to warm up.")
        .contains("| PostgreSQL | 3.95 | 4.70 | 0.84 | ≥ 0.80 | 15.39 | 0.26 | ≥ 0.50 | 21 |")
        .contains("| H2 (in-memory) | 2 | 42 | 0.05 | ≤ 0.20 |")
        .contains("rows written per lifecycle (PostgreSQL, same run):\n\n"
            + "| table | consultation on the platform | consultation on a bare engine | linear model |")
        .contains("| ACT_HI_JOB_LOG | 94 | 20 | 0 |")
        .contains("platform overhead ratio 0.84 (target ≥ 0.80): met;\nconsultation vs the linear model 0.26 (target ≥ 0.50): missed;")
        .contains("| kkb_notification | 0 | 0 | 0 |")
        .contains("(scale 4, 4 clients, 20 s)")
        .contains("| consultation task completions | 82.9 | 0.020 | ≥ 0.25 |")
        .contains("10000 due reminders")
        .contains("| PostgreSQL | 10000 | 718 | 10001 | 0 | 10000 | ≥ 500/s, 0 twice |")
        .contains("from 8 concurrent clients for 30 s")
        .contains("| H2 (in-memory) | platform | 81.8 | 41.1 | 902.2 | 0 | 2459 | 0.50 | ≥ 0.50, p99 < 100 ms, 0 errors |")
        .contains("| PostgreSQL | bare endpoint | 129.0 | 55.0 | 150.3 | 1 | 3870 | 1.00 | |")
        .contains("started 3 times (medians)")
        .contains("| KKB (demo data) | 8.97 | 616 | 1.52 | 1.25 | ≤ 1.3 × bare |")
        .contains("| KKB (postgres profile) | 6.51 | 581 | 1.13 | 1.02 | ≤ 1.3 × bare |")
        .contains("In this run: KKB (demo data): start-up 1.52, memory 1.25 × bare (target ≤ 1.3): missed; "
            + "KKB (no demo data): start-up 1.20, memory 1.09 × bare (target ≤ 1.3): met; "
            + "KKB (postgres profile): start-up 1.13, memory 1.02 × bare (target ≤ 1.3): met.")
        .contains("11,000 consultations started and advanced through the engine on PostgreSQL (90 s): 11,000 open\n"
            + "tasks, 7,333 of them overdue, 69,654 historic activity instances.")
        .contains("| Überfällig: first page (HAL) | steuerung, programme management | 7,333 | 63.3 | 79.8 | 50 | p95 < 100 ms |")
        .contains("| Überfällig: count | k3b-anna, consultant (K3B) | 3,667 | 62.9 | 68.3 | 50 | p95 < 100 ms |")
        .contains("| programme report | programme management | 11,000 consultations | 224.4 | 262.4 | 20 | < 1 s |")
        .contains("| 2 | 36.8 | 0.92 | 200.1 | 455.0 | 0 | 1104 (552 + 552) | 99 % | 44.0 | 21.4 | 0.61 |")
        .contains("In this run, two nodes served 0.92 times what one node served (36.8 against 40.0 units/s, "
            + "p95 455 against 411 ms); the machine's cores were already 97 % busy with one node")
        .contains("8 clients, each waiting for its answers; 10 s to warm\nup, 30 s measured.")
        .contains("## Where the time goes, and what was changed");
  }

  @Test
  void aPlaceholderWithoutAValueIsRefused() {
    assertThatThrownBy(() -> BenchmarkRunTest.fill("Date: {{date}}", Map.of()))
        .hasMessageContaining("{{date}}");
  }

  @Test
  void aValueWithoutAPlaceIsRefused() {
    assertThatThrownBy(() -> BenchmarkRunTest.fill("Date: {{date}}", Map.of("date", "today", "machine", "x")))
        .hasMessageContaining("[machine]");
  }

  @Test
  void theTemplatesLeadingCommentIsLeftOut() {
    assertThat(BenchmarkRunTest.fill("<!-- how to edit\n{{this}} -->\n# Benchmarks {{n}}\n", Map.of("n", "1")))
        .isEqualTo("# Benchmarks 1\n");
  }
}
