package de.kkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.support.PostgresDatabases;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark ({@code ./mvnw verify -Pbench}): figures side by side with a baseline measured in
 * the same run, filled into docs/benchmarks-template.md (where the prose and the findings are),
 * written to docs/benchmarks.md and printed. Targets are reported, never asserted.
 */
@Tag("bench")
class BenchmarkRunTest {

  static final int THREADS = 4;
  static final int LIFECYCLES_PER_THREAD = 8;
  static final int WARM_UP = 3;
  static final int INTAKE_CLIENTS = 8;
  static final int INTAKE_SECONDS = 30;
  static final int INTAKE_WARM_UP_SECONDS = 5;
  static final int STORM_JOBS = 10_000;
  static final int PGBENCH_SCALE = 4;
  static final int PGBENCH_SECONDS = 20;
  static final int FOOTPRINT_STARTS = 3;
  static final int SCALE_CONSULTATIONS = 11_000;
  static final Path TEMPLATE = Path.of("docs/benchmarks-template.md");
  static final Path REPORT = Path.of("docs/benchmarks.md");

  record Lifecycle(String database, double consultations, double baseline, int userTasks,
      Map<String, Long> consultationRows, Map<String, Long> baselineRows) {
  }

  /** Everything the report shows, measured in one run. */
  record Results(Lifecycle lifecycleH2, Lifecycle lifecyclePostgres, double tpcbLike,
      TimerStormBenchmark.Result stormH2, TimerStormBenchmark.Result stormPostgres,
      Intake intakeH2, Intake intakePostgres,
      List<FootprintBenchmark.Result> footprintH2, List<FootprintBenchmark.Result> footprintPostgres,
      ScaleBenchmark.Result scale) {
  }

  @Test
  void allScenarios() throws Exception {
    // Read first: a missing template fails the run before the measuring, not after it.
    String template = Files.readString(TEMPLATE);

    Lifecycle h2 = lifecycle("H2 (in-memory)", List.of("test"));
    Lifecycle pg = lifecycle("PostgreSQL", List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench"));
    double tps = PgbenchBenchmark.tps(THREADS, PGBENCH_SCALE, PGBENCH_SECONDS);
    TimerStormBenchmark.Result stormH2 = storm(List.of("test"));
    TimerStormBenchmark.Result stormPg = storm(List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench_storm"));
    Intake intakeH2 = intake("H2 (in-memory)", List.of("test"));
    Intake intakePg = intake("PostgreSQL", List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench_intake"));
    List<FootprintBenchmark.Result> footprintH2 = FootprintBenchmark.measure(FOOTPRINT_STARTS);
    List<FootprintBenchmark.Result> footprintPg = FootprintBenchmark.measure(FOOTPRINT_STARTS,
        FootprintBenchmark.Database.POSTGRES);
    ScaleBenchmark.Result scale = scale();

    String text = report(template, new Results(h2, pg, tps, stormH2, stormPg, intakeH2, intakePg, footprintH2,
        footprintPg, scale), machine(), LocalDate.now());
    System.out.println(text);
    Files.writeString(REPORT, text);
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, "
        + (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getTotalMemorySize() / (1024 * 1024 * 1024) + " GiB" : "?")
        + ", Java " + System.getProperty("java.version");
  }

  /** docs/benchmarks.md: the template with the run's figures. */
  static String report(String template, Results r, String machine, LocalDate date) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("machine", machine);
    values.put("date", date.toString());
    values.put("threads", String.valueOf(THREADS));
    values.put("lifecyclesPerThread", String.valueOf(LIFECYCLES_PER_THREAD));
    values.put("warmUp", String.valueOf(WARM_UP));
    values.put("lifecycleTable", lifecycleTable(List.of(r.lifecycleH2(), r.lifecyclePostgres())));
    values.put("rowsDatabase", r.lifecyclePostgres().database());
    values.put("rowsTable", rowsTable(r.lifecyclePostgres()));
    values.put("pgbenchScale", String.valueOf(PGBENCH_SCALE));
    values.put("pgbenchSeconds", String.valueOf(PGBENCH_SECONDS));
    values.put("databaseLimitTable", databaseLimitTable(r.lifecyclePostgres(), r.tpcbLike()));
    values.put("stormJobs", String.valueOf(STORM_JOBS));
    values.put("stormTable", stormTable(r.stormH2(), r.stormPostgres()));
    values.put("intakeClients", String.valueOf(INTAKE_CLIENTS));
    values.put("intakeSeconds", String.valueOf(INTAKE_SECONDS));
    values.put("intakeWarmUpSeconds", String.valueOf(INTAKE_WARM_UP_SECONDS));
    values.put("intakeTable", intakeTable(r.intakeH2(), r.intakePostgres()));
    values.put("footprintStarts", String.valueOf(FOOTPRINT_STARTS));
    values.put("footprintH2Table", FootprintBenchmark.table(r.footprintH2()));
    values.put("footprintPostgresTable", FootprintBenchmark.table(r.footprintPostgres()));
    ScaleBenchmark.Result scale = r.scale();
    values.put("scaleConsultations", format("%,d", scale.consultations()));
    values.put("scaleSeconds", format("%.0f", scale.generationSeconds()));
    values.put("scaleOpenTasks", format("%,d", scale.openTasks()));
    values.put("scaleOverdueTasks", format("%,d", scale.overdueTasks()));
    values.put("scaleHistoricActivities", format("%,d", scale.historicActivities()));
    values.put("scaleTable", scaleTable(scale));
    return fill(template, values);
  }

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  /**
   * The template without its leading comment, each {@code {{name}}} replaced by its value. A
   * placeholder without a value, or a value without a placeholder, is an error: the template and
   * this class have drifted apart.
   */
  static String fill(String template, Map<String, String> values) {
    String text = template.replaceFirst("\\A<!--(?s:.*?)-->\\R", "");
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    Set<String> unused = new TreeSet<>(values.keySet());
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for " + placeholder.group() + " in " + TEMPLATE);
      }
      unused.remove(placeholder.group(1));
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(filled);
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(TEMPLATE + " has no place for " + unused);
    }
    return filled.toString();
  }

  private static String format(String format, Object... arguments) {
    return String.format(Locale.ROOT, format, arguments);
  }

  static Lifecycle lifecycle(String database, List<String> profiles, String... properties) throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try (TimerStormBenchmark.Smtp smtp = TimerStormBenchmark.smtp();
        ConfigurableApplicationContext platform = PlatformStarter.start(profiles, smtp.platformProperties(properties))) {
      LifecycleBenchmark bench = new LifecycleBenchmark(platform);
      int userTasks = bench.consultationLifecycle(); // the size of the baseline
      bench.deployBaseline(userTasks);
      bench.perSecond(1, WARM_UP, bench::consultationLifecycle);
      bench.perSecond(1, WARM_UP, bench::baselineLifecycle);
      Map<String, Long> before = bench.rows();
      double consultations = bench.perSecond(THREADS, LIFECYCLES_PER_THREAD, bench::consultationLifecycle);
      Map<String, Long> between = bench.rows();
      double baseline = bench.perSecond(THREADS, LIFECYCLES_PER_THREAD, bench::baselineLifecycle);
      Map<String, Long> after = bench.rows();
      // The rates are of lifecycles that ran to their end: the first, the warm-up and the measured.
      HistoryService history = platform.getBean(HistoryService.class);
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY).completed()
          .count()).isEqualTo(1 + WARM_UP + THREADS * LIFECYCLES_PER_THREAD);
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("Baseline").completed()
          .count()).isEqualTo(WARM_UP + THREADS * LIFECYCLES_PER_THREAD);
      return new Lifecycle(database, consultations, baseline, userTasks, perLifecycle(before, between),
          perLifecycle(between, after));
    } finally {
      ClockUtil.reset();
    }
  }

  static Map<String, Long> perLifecycle(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> rows = new LinkedHashMap<>();
    before.forEach((table, count) -> rows.put(table,
        Math.round((after.get(table) - count) / (double) (THREADS * LIFECYCLES_PER_THREAD))));
    return rows;
  }

  static String lifecycleTable(List<Lifecycle> results) {
    List<String> lines = new ArrayList<>(List.of(
        "| database | consultation lifecycles/s | baseline lifecycles/s | ratio | target | user tasks per lifecycle |",
        "|---|---|---|---|---|---|"));
    for (Lifecycle r : results) {
      lines.add(format("| %s | %.2f | %.2f | %.2f | ≥ 0.80 | %d |", r.database(), r.consultations(),
          r.baseline(), r.consultations() / r.baseline(), r.userTasks()));
    }
    return String.join("\n", lines);
  }

  static String rowsTable(Lifecycle lifecycle) {
    List<String> lines = new ArrayList<>(List.of(
        "| table | consultation | baseline |",
        "|---|---|---|"));
    lifecycle.consultationRows().forEach((table, rows) -> lines.add(format("| %s | %d | %d |", table, rows,
        lifecycle.baselineRows().get(table))));
    return String.join("\n", lines);
  }

  static String databaseLimitTable(Lifecycle pg, double tps) {
    double completions = pg.consultations() * pg.userTasks();
    double bare = pg.baseline() * pg.userTasks();
    return String.join("\n",
        "| workload | per second | ratio to tpcb-like | target |",
        "|---|---|---|---|",
        format("| pgbench tpcb-like transactions | %.0f | 1.00 | |", tps),
        format("| consultation task completions | %.1f | %.3f | ≥ 0.25 |", completions, completions / tps),
        format("| baseline task completions | %.1f | %.3f | |", bare, bare / tps));
  }

  static TimerStormBenchmark.Result storm(List<String> profiles, String... properties) throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try {
      return TimerStormBenchmark.run(profiles, STORM_JOBS, properties);
    } finally {
      ClockUtil.reset();
    }
  }

  static String stormTable(TimerStormBenchmark.Result h2, TimerStormBenchmark.Result pg) {
    List<String> lines = new ArrayList<>(List.of(
        "| database | jobs | jobs/s | mails received | sent twice | logged as sent | target |",
        "|---|---|---|---|---|---|---|"));
    for (var entry : List.of(Map.entry("H2 (in-memory)", h2), Map.entry("PostgreSQL", pg))) {
      TimerStormBenchmark.Result r = entry.getValue();
      lines.add(format("| %s | %d | %.0f | %d | %d | %d | %s |", entry.getKey(), r.jobs(),
          r.jobsPerSecond(), r.mailsReceived(), r.sentTwice(), r.logSent(),
          entry.getKey().equals("PostgreSQL") ? "≥ 500/s, 0 twice" : "0 twice"));
    }
    return String.join("\n", lines);
  }

  /** The platform's intake and the bare endpoint (same body, one-task process), measured in one start. */
  record Intake(String database, IntakeBenchmark.Result platform, IntakeBenchmark.Result bare) {
  }

  /**
   * Both endpoints warmed up, then measured in turns (platform, bare, bare, platform), each half of
   * {@link #INTAKE_SECONDS}: a busy neighbour on the machine slows both alike.
   */
  static Intake intake(String database, List<String> profiles, String... properties) throws Exception {
    Jobs.setClock("2023-07-03T09:00"); // the call for applications of the source round is open
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("kkb.intake.max-requests-per-minute=100000000");
    all.add(BareIntake.ENABLED + "=true");
    try (TimerStormBenchmark.Smtp smtp = TimerStormBenchmark.smtp();
        ConfigurableApplicationContext platform = PlatformStarter.start(profiles,
            smtp.platformProperties(all.toArray(String[]::new)))) {
      int port = PlatformStarter.port(platform);
      Duration warmUp = Duration.ofSeconds(INTAKE_WARM_UP_SECONDS);
      IntakeBenchmark.run(port, IntakeBenchmark.PLATFORM_PATH, INTAKE_CLIENTS, warmUp);
      IntakeBenchmark.run(port, BareIntake.PATH, INTAKE_CLIENTS, warmUp);
      IntakeBenchmark.Samples ours = new IntakeBenchmark.Samples();
      IntakeBenchmark.Samples bare = new IntakeBenchmark.Samples();
      Duration half = Duration.ofMillis(INTAKE_SECONDS * 500L);
      IntakeBenchmark.run(ours, port, IntakeBenchmark.PLATFORM_PATH, INTAKE_CLIENTS, half);
      IntakeBenchmark.run(bare, port, BareIntake.PATH, INTAKE_CLIENTS, half);
      IntakeBenchmark.run(bare, port, BareIntake.PATH, INTAKE_CLIENTS, half);
      IntakeBenchmark.run(ours, port, IntakeBenchmark.PLATFORM_PATH, INTAKE_CLIENTS, half);
      return new Intake(database, ours.result(), bare.result());
    } finally {
      ClockUtil.reset();
    }
  }

  static String intakeTable(Intake h2, Intake pg) {
    List<String> lines = new ArrayList<>(List.of(
        "| database | endpoint | requests/s | p50 ms | p99 ms | errors | requests | ratio to bare | target |",
        "|---|---|---|---|---|---|---|---|---|"));
    for (Intake intake : List.of(h2, pg)) {
      IntakeBenchmark.Result ours = intake.platform();
      IntakeBenchmark.Result bare = intake.bare();
      lines.add(format("| %s | platform | %.1f | %.1f | %.1f | %d | %d | %.2f | ≥ 0.50, p99 < 100 ms, 0 errors |",
          intake.database(), ours.perSecond(), ours.p50Millis(), ours.p99Millis(), ours.errors(), ours.requests(),
          ours.perSecond() / bare.perSecond()));
      lines.add(format("| %s | bare endpoint | %.1f | %.1f | %.1f | %d | %d | 1.00 | |", intake.database(),
          bare.perSecond(), bare.p50Millis(), bare.p99Millis(), bare.errors(), bare.requests()));
    }
    return String.join("\n", lines);
  }

  static ScaleBenchmark.Result scale() throws Exception {
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench_scale"))) {
      return ScaleBenchmark.run(platform, SCALE_CONSULTATIONS, 50, 20);
    } finally {
      ClockUtil.reset();
    }
  }

  static String scaleTable(ScaleBenchmark.Result r) {
    return String.join("\n",
        "| query | as | p50 ms | p95 ms | samples | target |",
        "|---|---|---|---|---|---|",
        latencyRow("Überfällig: first page", "programme management (all tasks)", r.pageForManagement(),
            "p95 < 100 ms"),
        latencyRow("Überfällig: count", "programme management (all tasks)", r.countForManagement(),
            "p95 < 100 ms"),
        latencyRow("Überfällig: first page", "consultant (own carrier's tasks)", r.pageForConsultant(),
            "p95 < 100 ms"),
        latencyRow("Überfällig: count", "consultant (own carrier's tasks)", r.countForConsultant(),
            "p95 < 100 ms"),
        latencyRow("programme report", "programme management", r.report(), "< 1 s"));
  }

  static String latencyRow(String query, String user, ScaleBenchmark.Latency latency, String target) {
    return format("| %s | %s | %.1f | %.1f | %d | %s |", query, user, latency.p50Millis(),
        latency.p95Millis(), latency.samples(), target);
  }
}
