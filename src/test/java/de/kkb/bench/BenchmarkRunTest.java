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
  static final int NODES_CLIENTS = 8;
  static final int NODES_WARM_UP_SECONDS = 10;
  static final int NODES_SECONDS = 30;
  static final Path TEMPLATE = Path.of("docs/benchmarks-template.md");
  static final Path REPORT = Path.of("docs/benchmarks.md");

  /**
   * Scenario 1 on one database: the consultation on the platform, the same models on a bare engine,
   * and the linear model of as many user tasks on the platform; lifecycles per second and rows each
   * lifecycle wrote.
   */
  record Lifecycle(String database, double consultations, double bareEngine, double baseline, int userTasks,
      long noticesWithDigest, Map<String, Long> consultationRows, Map<String, Long> bareEngineRows,
      Map<String, Long> baselineRows) {
  }

  /** What a consultation lifecycle wrote to the notification log before the daily digest (2026-11-25). */
  static final int NOTICES_BEFORE_DIGEST = 42;

  /** Everything the report shows, measured in one run. */
  record Results(Lifecycle lifecycleH2, Lifecycle lifecyclePostgres, double tpcbLike,
      TimerStormBenchmark.Result stormH2, TimerStormBenchmark.Result stormPostgres,
      Intake intakeH2, Intake intakePostgres,
      List<FootprintBenchmark.Result> footprintH2, List<FootprintBenchmark.Result> footprintPostgres,
      ScaleBenchmark.Result scale, NodesBenchmark.Result oneNode, NodesBenchmark.Result twoNodes) {
  }

  @Test
  void allScenarios() throws Exception {
    // Read first: a missing template fails the run before the measuring, not after it.
    String template = Files.readString(TEMPLATE);

    Lifecycle h2 = lifecycle("H2 (in-memory)", List.of("test"), BareDatabase.h2());
    Lifecycle pg = lifecycle("PostgreSQL", List.of("test", "postgres"), BareDatabase.postgres(),
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
    NodesBenchmark.Result oneNode = nodes(1);
    NodesBenchmark.Result twoNodes = nodes(2);

    String text = report(template, new Results(h2, pg, tps, stormH2, stormPg, intakeH2, intakePg, footprintH2,
        footprintPg, scale, oneNode, twoNodes), machine(), LocalDate.now());
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
    values.put("noticesTable", noticesTable(List.of(r.lifecycleH2(), r.lifecyclePostgres())));
    Lifecycle pg = r.lifecyclePostgres();
    values.put("overheadVerdict", verdict(pg.consultations() / pg.bareEngine(), 0.8, true));
    values.put("linearVerdict", verdict(pg.consultations() / pg.baseline(), 0.5, true));
    values.put("noticesVerdict", verdict(pg.noticesWithDigest() / (double) NOTICES_BEFORE_DIGEST, 0.2, false));
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
    values.put("footprintVerdict", FootprintBenchmark.verdict(r.footprintH2()) + "; "
        + FootprintBenchmark.verdict(r.footprintPostgres()));
    ScaleBenchmark.Result scale = r.scale();
    values.put("scaleConsultations", format("%,d", scale.consultations()));
    values.put("scaleSeconds", format("%.0f", scale.generationSeconds()));
    values.put("scaleOpenTasks", format("%,d", scale.openTasks()));
    values.put("scaleOverdueTasks", format("%,d", scale.overdueTasks()));
    values.put("scaleHistoricActivities", format("%,d", scale.historicActivities()));
    values.put("scaleTable", scaleTable(scale));
    values.put("nodesClients", String.valueOf(NODES_CLIENTS));
    values.put("nodesSeconds", String.valueOf(NODES_SECONDS));
    values.put("nodesWarmUpSeconds", String.valueOf(NODES_WARM_UP_SECONDS));
    values.put("nodesTable", nodesTable(r.oneNode(), r.twoNodes()));
    values.put("nodesVerdict", nodesVerdict(r.oneNode(), r.twoNodes()));
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

  static Lifecycle lifecycle(String database, List<String> profiles, BareDatabase bareDatabase,
      String... properties) throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try (TimerStormBenchmark.Smtp smtp = TimerStormBenchmark.smtp();
        ConfigurableApplicationContext platform = PlatformStarter.start(profiles, smtp.platformProperties(properties));
        BareEngine bare = BareEngine.start(platform, bareDatabase.url(), bareDatabase.user(), bareDatabase.password())) {
      LifecycleBenchmark bench = new LifecycleBenchmark(platform);
      LifecycleBenchmark bareBench = new LifecycleBenchmark(bare);
      // The day's first lifecycle: its notices include the morning's digest, which later ones share.
      long noticesBefore = bench.rows().get(LifecycleBenchmark.NOTIFICATION_LOG);
      int userTasks = bench.consultationLifecycle(); // the size of the baseline
      long noticesWithDigest = bench.rows().get(LifecycleBenchmark.NOTIFICATION_LOG) - noticesBefore;
      assertThat(bareBench.consultationLifecycle()).as("user tasks on the bare engine").isEqualTo(userTasks);
      bench.deployBaseline(userTasks);
      bench.perSecond(1, WARM_UP, bench::consultationLifecycle);
      bareBench.perSecond(1, WARM_UP, bareBench::consultationLifecycle);
      bench.perSecond(1, WARM_UP, bench::baselineLifecycle);
      Map<String, Long> before = bench.rows();
      double consultations = bench.perSecond(THREADS, LIFECYCLES_PER_THREAD, bench::consultationLifecycle);
      Map<String, Long> between = bench.rows();
      double baseline = bench.perSecond(THREADS, LIFECYCLES_PER_THREAD, bench::baselineLifecycle);
      Map<String, Long> after = bench.rows();
      Map<String, Long> bareBefore = bareBench.rows();
      double bareEngine = bareBench.perSecond(THREADS, LIFECYCLES_PER_THREAD, bareBench::consultationLifecycle);
      Map<String, Long> bareAfter = bareBench.rows();
      // The rates are of lifecycles that ran to their end: the first, the warm-up and the measured.
      long ran = 1 + WARM_UP + THREADS * LIFECYCLES_PER_THREAD;
      assertThat(completed(platform.getBean(HistoryService.class), ConsultationProcess.KEY)).isEqualTo(ran);
      assertThat(completed(platform.getBean(HistoryService.class), "Baseline")).isEqualTo(ran - 1);
      assertThat(completed(bare.engine().getHistoryService(), ConsultationProcess.KEY)).isEqualTo(ran);
      return new Lifecycle(database, consultations, bareEngine, baseline, userTasks, noticesWithDigest,
          perLifecycle(before, between),
          perLifecycle(bareBefore, bareAfter), perLifecycle(between, after));
    } finally {
      ClockUtil.reset();
    }
  }

  /** Where the bare engine keeps its tables: a database of its own on the platform's server. */
  record BareDatabase(String url, String user, String password) {

    static BareDatabase h2() {
      return new BareDatabase("jdbc:h2:mem:kkb-bare-" + java.util.UUID.randomUUID()
          + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000", "sa", "");
    }

    static BareDatabase postgres() {
      return new BareDatabase(PostgresDatabases.fresh("kkb_bench_bare"), PostgresDatabases.USER,
          PostgresDatabases.PASSWORD);
    }
  }

  private static long completed(HistoryService history, String processDefinitionKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processDefinitionKey).completed().count();
  }

  static Map<String, Long> perLifecycle(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> rows = new LinkedHashMap<>();
    before.forEach((table, count) -> rows.put(table,
        Math.round((after.get(table) - count) / (double) (THREADS * LIFECYCLES_PER_THREAD))));
    return rows;
  }

  static String lifecycleTable(List<Lifecycle> results) {
    List<String> lines = new ArrayList<>(List.of(
        "| database | platform lifecycles/s | bare engine lifecycles/s | platform overhead ratio | target | "
            + "linear model lifecycles/s | consultation vs linear model | target | user tasks per lifecycle |",
        "|---|---|---|---|---|---|---|---|---|"));
    for (Lifecycle r : results) {
      lines.add(format("| %s | %.2f | %.2f | %.2f | ≥ 0.80 | %.2f | %.2f | ≥ 0.50 | %d |", r.database(),
          r.consultations(), r.bareEngine(), r.consultations() / r.bareEngine(), r.baseline(),
          r.consultations() / r.baseline(), r.userTasks()));
    }
    return String.join("\n", lines);
  }

  static String rowsTable(Lifecycle lifecycle) {
    List<String> lines = new ArrayList<>(List.of(
        "| table | consultation on the platform | consultation on a bare engine | linear model |",
        "|---|---|---|---|"));
    lifecycle.consultationRows().forEach((table, rows) -> lines.add(format("| %s | %d | %d | %d |", table, rows,
        lifecycle.bareEngineRows().get(table), lifecycle.baselineRows().get(table))));
    return String.join("\n", lines);
  }

  /**
   * Notices of a lifecycle with a digest day included (the day's first lifecycle, whose morning
   * digest the later ones share) against the target: a fifth of what a lifecycle logged before.
   */
  /** A ratio of this run against its target, as the findings name it: "0.84 (target ≥ 0.80): met". */
  static String verdict(double ratio, double target, boolean atLeast) {
    boolean met = atLeast ? ratio >= target : ratio <= target;
    return format("%.2f (target %s %.2f): %s", ratio, atLeast ? "≥" : "≤", target, met ? "met" : "missed");
  }

  static String noticesTable(List<Lifecycle> results) {
    List<String> lines = new ArrayList<>(List.of(
        "| database | notices of a lifecycle, its digest day included | before the digest | ratio | target |",
        "|---|---|---|---|---|"));
    for (Lifecycle r : results) {
      long notices = r.noticesWithDigest();
      lines.add(format("| %s | %d | %d | %.2f | ≤ 0.20 |", r.database(), notices, NOTICES_BEFORE_DIGEST,
          notices / (double) NOTICES_BEFORE_DIGEST));
    }
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
      return ScaleBenchmark.run(platform, SCALE_CONSULTATIONS, 20, 10);
    } finally {
      ClockUtil.reset();
    }
  }

  /** One row per filter and user, as Tasklist lists them, then the report. */
  static String scaleTable(ScaleBenchmark.Result r) {
    List<String> lines = new ArrayList<>(List.of(
        "| query | as | tasks | p50 ms | p95 ms | samples | target |",
        "|---|---|---|---|---|---|---|"));
    for (ScaleBenchmark.FilterLatency f : r.filters()) {
      String user = f.user() + ", " + ScaleBenchmark.USERS.get(f.user());
      lines.add(latencyRow(f.filter() + ": first page (HAL)", user, f.tasks(), f.page(), "p95 < 100 ms"));
      lines.add(latencyRow(f.filter() + ": count", user, f.tasks(), f.count(), "p95 < 100 ms"));
    }
    lines.add(format("| programme report | programme management | %,d consultations | %.1f | %.1f | %d | < 1 s |",
        r.consultations(), r.report().p50Millis(), r.report().p95Millis(), r.report().samples()));
    return String.join("\n", lines);
  }

  static String latencyRow(String query, String user, long tasks, ScaleBenchmark.Latency latency, String target) {
    return format("| %s | %s | %,d | %.1f | %.1f | %d | %s |", query, user, tasks, latency.p50Millis(),
        latency.p95Millis(), latency.samples(), target);
  }

  static NodesBenchmark.Result nodes(int count) throws Exception {
    return NodesBenchmark.run(count, NODES_CLIENTS, Duration.ofSeconds(NODES_WARM_UP_SECONDS),
        Duration.ofSeconds(NODES_SECONDS));
  }

  static String nodesTable(NodesBenchmark.Result one, NodesBenchmark.Result two) {
    List<String> lines = new ArrayList<>(List.of(
        "| nodes | units/s | ratio to one node | p50 ms | p95 ms | errors | units (per node) | machine's cores busy | "
            + "nodes' CPU ms per unit | commits per unit | database connections busy |",
        "|---|---|---|---|---|---|---|---|---|---|---|"));
    for (NodesBenchmark.Result r : List.of(one, two)) {
      lines.add(format("| %d | %.1f | %.2f | %.1f | %.1f | %d | %d (%s) | %.0f %% | %.1f | %.1f | %.2f |", r.nodes(),
          r.unitsPerSecond(), r.unitsPerSecond() / one.unitsPerSecond(), r.p50Millis(), r.p95Millis(), r.errors(),
          r.units(), r.unitsPerNode().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" + ")),
          r.machineBusy() * 100, r.nodeCpuMillisPerUnit(), r.commitsPerUnit(), r.busyConnections()));
    }
    return String.join("\n", lines);
  }

  /**
   * What the run says about a second node, from its figures: the ratio, and the limit. The machine's
   * cores almost all busy with one node means a second node on the same cores can only share them.
   */
  static String nodesVerdict(NodesBenchmark.Result one, NodesBenchmark.Result two) {
    double ratio = two.unitsPerSecond() / one.unitsPerSecond();
    String limit;
    if (one.machineBusy() >= 0.85) {
      limit = format("the machine's cores were already %.0f %% busy with one node (nodes, PostgreSQL and the load "
          + "generator together), so a second node on the same cores can only share them: the limit is the CPU, "
          + "not the database (%.2f connections busy on average, of the %d the load could use)",
          one.machineBusy() * 100, one.busyConnections(), NODES_CLIENTS);
    } else if (one.busyConnections() >= NODES_CLIENTS * 0.75) {
      limit = format("the database was busy with nearly every request (%.2f connections busy on average for %d "
          + "clients): the limit is PostgreSQL", one.busyConnections(), NODES_CLIENTS);
    } else if (ratio >= 1.15) {
      limit = format("neither the machine's cores (%.0f %% busy with one node) nor the database (%.2f connections "
          + "busy) were saturated: the one node itself was the limit (its threads and locks), and a second node "
          + "relieved it", one.machineBusy() * 100, one.busyConnections());
    } else {
      limit = format("neither the machine's cores (%.0f %% busy with one node) nor the database (%.2f connections "
          + "busy) were saturated, and a second node did not help: the %d clients, each waiting for its answer, "
          + "set the pace", one.machineBusy() * 100, one.busyConnections(), NODES_CLIENTS);
    }
    return format("two nodes served %.2f times what one node served (%.1f against %.1f units/s, p95 %.0f against "
        + "%.0f ms); %s", ratio, two.unitsPerSecond(), one.unitsPerSecond(), two.p95Millis(), one.p95Millis(), limit);
  }
}
