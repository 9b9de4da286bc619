package de.kkb.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import de.kkb.identity.KkbGroups;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scenario 6: Tasklist's "Überfällig" filter and the programme report with many consultations'
 * open tasks and history. The consultations are started and advanced through the engine (with their
 * listeners, notices and history), in four waves a fortnight apart, so that about half of the open
 * tasks are overdue when the queries are measured, over HTTP as Tasklist and a browser ask them.
 */
public final class ScaleBenchmark {

  public record Latency(double p50Millis, double p95Millis, int samples) {
  }

  public record Result(int consultations, long openTasks, long overdueTasks, long historicActivities,
      double generationSeconds, Latency pageForManagement, Latency countForManagement,
      Latency pageForConsultant, Latency countForConsultant, Latency report) {
  }

  static final String[] WAVES = {"2024-04-02T09:00", "2024-04-16T09:00", "2024-05-02T09:00", "2024-05-16T09:00"};
  static final String MEASURED_AT = "2024-05-17T10:00";
  static final int THREADS = 4;

  private ScaleBenchmark() {
  }

  /** Fills the platform's database with {@code consultations} and measures the two queries. */
  public static Result run(ConfigurableApplicationContext platform, int consultations, int filterSamples,
      int reportSamples) throws Exception {
    long started = System.nanoTime();
    LifecycleBenchmark engine = new LifecycleBenchmark(platform);
    for (String wave : WAVES) {
      Jobs.setClock(wave);
      generate(engine, consultations / WAVES.length);
    }
    double generation = (System.nanoTime() - started) / 1e9;
    // Fresh planner statistics, as autovacuum keeps them in production: the tables grew from empty
    // within two minutes, and stale estimates make PostgreSQL pick per-row nested loops.
    platform.getBean(org.springframework.jdbc.core.JdbcTemplate.class).execute("ANALYZE");
    Jobs.setClock(MEASURED_AT);
    TaskService tasks = platform.getBean(TaskService.class);
    long open = tasks.createTaskQuery().count();
    long overdue = tasks.createTaskQuery().dueBefore(Jobs.berlin(MEASURED_AT)).count();
    long activities = platform.getBean(HistoryService.class).createHistoricActivityInstanceQuery().count();
    String filter = overdueFilter(platform);
    HttpSession management = management(platform);
    HttpSession consultant = consultant(platform);
    return new Result(consultations, open, overdue, activities, generation,
        measure(filterSamples, page(management, filter)), measure(filterSamples, count(management, filter)),
        measure(filterSamples, page(consultant, filter)), measure(filterSamples, count(consultant, filter)),
        measure(reportSamples, () -> management.get("/api/programme/report")));
  }

  /** Tasklist's "Überfällig" filter. */
  static String overdueFilter(ConfigurableApplicationContext platform) {
    return platform.getBean(FilterService.class).createFilterQuery().filterName("Überfällig").singleResult()
        .getId();
  }

  /** Programme management, who sees every task. */
  static HttpSession management(ConfigurableApplicationContext platform) {
    return new HttpSession(PlatformStarter.port(platform)).basic("steuerung", "demo");
  }

  /** A consultant of K3B, who sees her carrier's tasks. */
  static HttpSession consultant(ConfigurableApplicationContext platform) {
    return new HttpSession(PlatformStarter.port(platform)).basic("k3b-anna", "demo");
  }

  /** The filter's first page as Tasklist asks for it: 15 tasks, HAL, with the filter's variables. */
  static Supplier<HttpResponse<String>> page(HttpSession session, String filterId) {
    return () -> session.postJsonAccepting("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        "{}", "application/hal+json");
  }

  /** The number of tasks in the filter, which Tasklist shows next to its name. */
  static Supplier<HttpResponse<String>> count(HttpSession session, String filterId) {
    return () -> session.postJson("/engine-rest/filter/" + filterId + "/count", "{}");
  }

  static Latency measure(int samples, Supplier<HttpResponse<String>> request) {
    request.get(); // warm-up
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = request.get();
      nanos.add(System.nanoTime() - start);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
      }
    }
    Collections.sort(nanos);
    return new Latency(IntakeBenchmark.percentile(nanos, 0.50), IntakeBenchmark.percentile(nanos, 0.95),
        samples);
  }

  /**
   * Starts consultations of both carriers from several threads; a third stays at the first talk, a
   * third is one task further, a third two.
   */
  static void generate(LifecycleBenchmark engine, int count) throws Exception {
    LifecycleBenchmark.inParallel(THREADS, thread -> {
      for (int i = thread; i < count; i += THREADS) {
        String reference = LifecycleBenchmark.nextReference();
        engine.start(reference, i % 2 == 0 ? KkbGroups.CONSULTANTS_K3B : KkbGroups.CONSULTANTS_FORUMZFD);
        for (int step = 0; step < i % 3; step++) {
          engine.completeOpenTasks(reference);
        }
      }
    });
  }
}
