package de.kkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  static final int LIFECYCLES_PER_THREAD = 8;
  static final int WARM_UP = 3;
  static final int INTAKE_CLIENTS = 8;
  static final int INTAKE_SECONDS = 30;
  static final int STORM_JOBS = 10_000;
  static final int PGBENCH_SCALE = 4;
  static final int PGBENCH_SECONDS = 20;
  static final int FOOTPRINT_STARTS = 3;
  static final int SCALE_CONSULTATIONS = 11_000;

  /** What profiling found and what was changed; figures here are from those profiling runs. */
  static final String FINDINGS = """
      ## Where the time goes, and what was changed

      Found with Java Flight Recorder while building this benchmark (issue 7). The figures in this section
      come from those profiling runs, not from the tables above.

      **1. Lifecycle: target missed.** A consultation does much more than 21 plain tasks. It runs four process
      instances (the consultation and three measures) and phase subprocesses with their event subprocesses
      (withdrawal, escalation, programme end). It also writes many more variables (see the rows table), and it
      sends a notice for every new task to each member of the carrier's group. Each notice is rendered, logged
      and sent by a job of its own, as issue 5 requires. In the profile of the consultation lifecycles:
      - the engine's own work for the model: about half of the CPU;
      - notices for new tasks: about a tenth;
      - the job executor's send and timer jobs: about a seventh;
      - our listeners for due dates, phases and the plan of measures: under 2 %.

      Changed: the driver now treats both models alike. It finds tasks by business key, leaves jobs to the job
      executor, and stops the clock only when the job queue is empty. Closing the gap needs a design decision,
      not a fix: fewer history rows (for example, a history level without the job log of successful sends, or
      fewer form fields kept as process variables) and fewer mails (a daily digest per person instead of a mail
      per task and member). This is proposed for planning.

      **2. The database's limit: target missed.** With FULL history, a task completion takes dozens of
      statements (task, history, identity links, variables, notices, jobs). A tpcb-like transaction takes five.
      Even the bare baseline reaches only about a tenth of the tpcb-like rate or less on this machine, so 25 % is
      out of reach for any Camunda 7 model with FULL history here.

      **3. Timer storm: target met.**
      - Jakarta Mail 2.1 found its `StreamProvider` through a ServiceLoader classpath scan for every MIME part
        and encoded header (jakartaee/mail-api#861). That scan took a fifth of the storm's CPU. `Mailer` now
        names the provider once: 352 → 613 jobs/s for 10,000 reminders on PostgreSQL.
      - The job executor now has 8 threads and fetches 32 jobs at a time. With 2,000 reminders, before the mail
        fix, the engine's defaults (3 threads, 3 jobs) managed 207 jobs/s and 8/32 managed 296.
      - Two limits of the test mail server, kept out of the figure:
        - GreenMail answers EHLO in several small TCP writes. Nagle's algorithm and delayed ACKs stretch that
          to 42 ms per connection (measured), so the benchmark uses HELO.
        - GreenMail looks up a recipient's mailbox linearly, so the storm has a hundred recipients rather than
          10,000.

      **4. Intake: target missed.** Each request, in one transaction:
      - registers the request;
      - starts the request process: the eligibility decision (DMN), the notice to the applicant, and the first
        task with its due date and notices to programme management.

      Meanwhile the job executor sends the mails on the same two cores. Split of the CPU:
      - parsing FEEL in the eligibility decision: about a fifth (Camunda's FEEL engine parses every expression
        on every evaluation, camunda/feel-scala#1149);
      - the engine's process start: another fifth;
      - HTTP, JSON and validation: about a seventh;
      - notices and sending: about a fifth.

      Changed: the answer's status now comes from the start's own variables instead of a history query. Still
      open:
      - A cache of parsed FEEL expressions would need our own FEEL engine factory.
      - An asynchronous start would cut latency, but not the CPU per request.

      300 requests/s with p99 < 50 ms leaves under 7 ms of CPU per request on two cores. Today a request costs
      several times that.

      **5. Footprint: target met on PostgreSQL and on H2 without demo data; missed with the demo data.** The
      demo data, written by a ready listener of the embedded profile for newcomers, costs about 2 s and 100 MiB.
      Production (`postgres,prod`) has none.

      **6. Scale: the report meets its target; the filter's count meets it for both users; the first page misses
      it for a consultant and is close to it for programme management (over it in some profiling runs).**
      - The programme report used to query once per consultation: 0.9 s at 1,000 consultations, growing
        linearly. It now runs six set-based queries.
      - A consultant's "Überfällig" went from 2.0 s (count) and 4.0 s (first page) to about 0.07 s and 0.14 s,
        with three changes on PostgreSQL:
        - expression statistics on the permission bits (`AuthorizationStatistics`): without them, the planner
          joined every overdue task against every task authorization;
        - custom plans (`plan_cache_mode`): the engine binds the permission bits as parameters, and a generic
          plan cannot see them (3.5 s);
        - JIT off: PostgreSQL compiled the query for about 200 ms.
      - Still over the target: the first page as Tasklist asks for it (HAL). It runs the list query, the count
        and the variables query. Each authorization-checked query probes the authorization index three times
        per overdue task, and here 7,333 of 11,000 tasks are overdue, a pessimistic share. That SQL is the
        engine's. A filter that Tasklist shows per group or per assignee would look at fewer tasks.
      - The scenario runs `ANALYZE` after loading the data, as autovacuum would after such growth.
      """;

  record Lifecycle(String database, double consultations, double baseline, int userTasks,
      Map<String, Long> consultationRows, Map<String, Long> baselineRows) {
  }

  @Test
  void allScenarios() throws Exception {
    List<String> report = new ArrayList<>();
    report.add("# Benchmarks");
    report.add("");
    report.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getTotalMemorySize() / (1024 * 1024 * 1024) + " GiB" : "?")
        + ", Java " + System.getProperty("java.version") + ", PostgreSQL on the same machine. Date: "
        + LocalDate.now() + ". Command: `./mvnw verify -Pbench` (written by `BenchmarkRunTest`).");
    report.add("");
    report.add("History level FULL; job executor as configured in application.yaml (8 threads, 32 jobs per");
    report.add("acquisition); mail to a real SMTP server (GreenMail, in the benchmark's JVM). Targets are those of");
    report.add("issue 7; a miss is explained under the table, not hidden.");
    report.add("");

    Lifecycle h2 = lifecycle("H2 (in-memory)", List.of("test"));
    Lifecycle pg = lifecycle("PostgreSQL", List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench"));
    report.addAll(lifecycleSection(List.of(h2, pg)));

    double tps = PgbenchBenchmark.tps(THREADS, PGBENCH_SCALE, PGBENCH_SECONDS);
    report.addAll(databaseLimitSection(pg, tps));

    TimerStormBenchmark.Result stormH2 = storm(List.of("test"));
    TimerStormBenchmark.Result stormPg = storm(List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench_storm"));
    report.addAll(stormSection(stormH2, stormPg));

    report.addAll(intakeSection(intake("H2 (in-memory)", List.of("test")),
        intake("PostgreSQL", List.of("test", "postgres"),
            "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench_intake"))));

    report.addAll(footprintSection(FootprintBenchmark.measure(FOOTPRINT_STARTS),
        FootprintBenchmark.measure(FOOTPRINT_STARTS, FootprintBenchmark.Database.POSTGRES)));

    report.addAll(scaleSection(scale()));
    report.addAll(List.of(FINDINGS.split("\n")));

    String text = String.join("\n", report) + "\n";
    System.out.println(text);
    Files.writeString(Path.of("docs/benchmarks.md"), text);
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
      assertThat(consultations).isPositive();
      return new Lifecycle(database, consultations, baseline, userTasks, perLifecycle(before, between),
          perLifecycle(between, after));
    } finally {
      ClockUtil.reset();
    }
  }

  static Map<String, Long> perLifecycle(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> rows = new java.util.LinkedHashMap<>();
    before.forEach((table, count) -> rows.put(table,
        Math.round((after.get(table) - count) / (double) (THREADS * LIFECYCLES_PER_THREAD))));
    return rows;
  }

  static List<String> lifecycleSection(List<Lifecycle> results) {
    List<String> lines = new ArrayList<>(List.of(
        "## 1. Lifecycle throughput",
        "",
        "Complete `Consultation` lifecycles (every user task completed through the Java API with the values",
        "its deployed form sets, three measures each; the measures' timers and the notices' sending left to the",
        "job executor; the clock stops when its queue is empty) against a linear model with the same number of",
        "user tasks and no listeners, delegates or timers, generated with the Camunda model API, in the same",
        "engine and run; " + THREADS + " threads × " + LIFECYCLES_PER_THREAD + " lifecycles each, after " + WARM_UP
            + " of each to warm up.",
        "",
        "| database | consultation lifecycles/s | baseline lifecycles/s | ratio | target | user tasks per lifecycle |",
        "|---|---|---|---|---|---|"));
    for (Lifecycle r : results) {
      lines.add(String.format("| %s | %.2f | %.2f | %.2f | ≥ 0.80 | %d |", r.database(), r.consultations(),
          r.baseline(), r.consultations() / r.baseline(), r.userTasks()));
    }
    Lifecycle last = results.get(results.size() - 1);
    lines.addAll(List.of("",
        "Where the time goes: rows written per lifecycle (" + last.database() + ", same run):",
        "",
        "| table | consultation | baseline |",
        "|---|---|---|"));
    last.consultationRows().forEach((table, rows) -> lines.add(String.format("| %s | %d | %d |", table, rows,
        last.baselineRows().get(table))));
    lines.add("");
    return lines;
  }

  static List<String> databaseLimitSection(Lifecycle pg, double tps) {
    double completions = pg.consultations() * pg.userTasks();
    double bare = pg.baseline() * pg.userTasks();
    return List.of(
        "## 2. The database's limit",
        "",
        "User task completions per second of scenario 1 on PostgreSQL against the transactions per second of",
        "`pgbench -b tpcb-like` (scale " + PGBENCH_SCALE + ", " + THREADS + " clients, " + PGBENCH_SECONDS
            + " s) on the same server in the same run.",
        "",
        "| workload | per second | ratio to tpcb-like | target |",
        "|---|---|---|---|",
        String.format("| pgbench tpcb-like transactions | %.0f | 1.00 | |", tps),
        String.format("| consultation task completions | %.1f | %.3f | ≥ 0.25 |", completions, completions / tps),
        String.format("| baseline task completions | %.1f | %.3f | |", bare, bare / tps),
        "");
  }

  static TimerStormBenchmark.Result storm(List<String> profiles, String... properties) throws Exception {
    Jobs.setClock("2024-03-01T09:00");
    try {
      return TimerStormBenchmark.run(profiles, STORM_JOBS, properties);
    } finally {
      ClockUtil.reset();
    }
  }

  static List<String> stormSection(TimerStormBenchmark.Result h2, TimerStormBenchmark.Result pg) {
    List<String> lines = new ArrayList<>(List.of(
        "## 3. Timer storm",
        "",
        STORM_JOBS + " due reminders, queued as the daily deadline watch queues them (rendered, logged, one",
        "send job each) while the job executor was stopped, then worked off by the job executor against",
        "GreenMail; a hundred recipients. Sent twice: notifications whose id reached the server more than once.",
        "",
        "| database | jobs | jobs/s | mails received | sent twice | logged as sent | target |",
        "|---|---|---|---|---|---|---|"));
    for (var entry : List.of(Map.entry("H2 (in-memory)", h2), Map.entry("PostgreSQL", pg))) {
      TimerStormBenchmark.Result r = entry.getValue();
      lines.add(String.format("| %s | %d | %.0f | %d | %d | %d | %s |", entry.getKey(), r.jobs(),
          r.jobsPerSecond(), r.mailsReceived(), r.sentTwice(), r.logSent(),
          entry.getKey().equals("PostgreSQL") ? "≥ 500/s, 0 twice" : "0 twice"));
    }
    lines.add("");
    return lines;
  }

  static String intake(String database, List<String> profiles, String... properties) throws Exception {
    Jobs.setClock("2023-07-03T09:00"); // the call for applications of the source round is open
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("kkb.intake.max-requests-per-minute=100000000");
    try (TimerStormBenchmark.Smtp smtp = TimerStormBenchmark.smtp();
        ConfigurableApplicationContext platform = PlatformStarter.start(profiles,
            smtp.platformProperties(all.toArray(String[]::new)))) {
      IntakeBenchmark.Result result = IntakeBenchmark.run(PlatformStarter.port(platform), INTAKE_CLIENTS,
          Duration.ofSeconds(INTAKE_SECONDS));
      return String.format("| %s | %.1f | %.1f | %.1f | %d | %d | ≥ 300/s, p99 < 50 ms, 0 errors |", database,
          result.perSecond(), result.p50Millis(), result.p99Millis(), result.errors(), result.requests());
    } finally {
      ClockUtil.reset();
    }
  }

  static List<String> intakeSection(String h2, String pg) {
    return List.of(
        "## 4. Intake",
        "",
        "`POST /api/consultation-requests` (valid requests, each starting a request process) from "
            + INTAKE_CLIENTS + " concurrent clients for " + INTAKE_SECONDS + " s against the running platform",
        "(rate limit raised for the run).",
        "",
        "| database | requests/s | p50 ms | p99 ms | errors | requests | target |",
        "|---|---|---|---|---|---|---|",
        h2,
        pg,
        "");
  }

  static List<String> footprintSection(List<FootprintBenchmark.Result> h2, List<FootprintBenchmark.Result> pg) {
    List<String> lines = new ArrayList<>(List.of(
        "## 5. Footprint",
        "",
        "Seconds from process start until `/actuator/health/readiness` answers 200 (after the ready listeners),",
        "and resident memory then; each application started " + FOOTPRINT_STARTS + " times (medians) on a fresh",
        "database, the same way (`java -cp`, same JVM flags), against a bare Camunda starter application",
        "(webapps, REST, JDBC, H2 and PostgreSQL drivers, actuator) generated and built in the same run.",
        "",
        "H2 file database (the embedded default, as `./mvnw spring-boot:run` starts it):",
        ""));
    lines.addAll(List.of(FootprintBenchmark.table(h2).split("\n")));
    lines.addAll(List.of("", "PostgreSQL (a fresh database per start; KKB with the `postgres` profile):", ""));
    lines.addAll(List.of(FootprintBenchmark.table(pg).split("\n")));
    lines.add("");
    return lines;
  }

  static ScaleBenchmark.Result scale() throws Exception {
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test", "postgres"),
        "KKB_DB_URL=" + PostgresDatabases.fresh("kkb_bench_scale"))) {
      return ScaleBenchmark.run(platform, SCALE_CONSULTATIONS, 50, 20);
    } finally {
      ClockUtil.reset();
    }
  }

  static List<String> scaleSection(ScaleBenchmark.Result r) {
    return List.of(
        "## 6. Scale",
        "",
        String.format("%,d consultations started and advanced through the engine on PostgreSQL (%.0f s): %,d open",
            r.consultations(), r.generationSeconds(), r.openTasks()),
        String.format("tasks, %,d of them overdue, %,d historic activity instances. Tasklist's \"Überfällig\"",
            r.overdueTasks(), r.historicActivities()),
        "filter as Tasklist asks it over REST (the first page of 15 with the filter's variables as HAL, and the",
        "count it shows next to the name), and the programme report (`GET /api/programme/report`, JSON, every",
        "row). Each request timed on its own, with Basic authentication.",
        "",
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
        latencyRow("programme report", "programme management", r.report(), "< 1 s"),
        "");
  }

  static String latencyRow(String query, String user, ScaleBenchmark.Latency latency, String target) {
    return String.format("| %s | %s | %.1f | %.1f | %d | %s |", query, user, latency.p50Millis(),
        latency.p95Millis(), latency.samples(), target);
  }
}
