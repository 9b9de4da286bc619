package de.kkb.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.kkb.identity.KkbGroups;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 6: every Tasklist filter of every group, and the programme report, with many
 * consultations' open tasks and history. The consultations are started and advanced through the
 * engine (with their listeners, notices and history), in four waves a fortnight apart, so that about
 * half of the open tasks are overdue when the queries are measured, over HTTP as Tasklist and a
 * browser ask them: programme management and one consultant of each carrier, each with the filters
 * Tasklist lists for them.
 */
public final class ScaleBenchmark {

  public record Latency(double p50Millis, double p95Millis, int samples) {
  }

  /** One filter as one user sees it: the first page as Tasklist asks for it, and its count. */
  public record FilterLatency(String user, String filter, long tasks, Latency page, Latency count) {
  }

  public record Result(int consultations, long openTasks, long overdueTasks, long historicActivities,
      double generationSeconds, List<FilterLatency> filters, Latency report) {
  }

  static final String[] WAVES = {"2024-04-02T09:00", "2024-04-16T09:00", "2024-05-02T09:00", "2024-05-16T09:00"};
  static final String MEASURED_AT = "2024-05-17T10:00";
  static final int THREADS = 4;

  /** Programme management, who sees every task, and one consultant of each carrier (demo users). */
  static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put("steuerung", "programme management");
    USERS.put("k3b-anna", "consultant (K3B)");
    USERS.put("fzfd-clara", "consultant (forumZFD)");
  }

  /**
   * What Tasklist 7.24 posts for a filter's first page (camunda-tasklist-bootstrap.js): the empty
   * search, 15 tasks, its default sorting (newest first) and only active tasks; the answer is HAL,
   * with the count Tasklist shows and the filter's variables embedded.
   */
  static final String TASKLIST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
      + "\"active\":true}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScaleBenchmark() {
  }

  /** Fills the platform's database with {@code consultations} and measures every filter and the report. */
  public static Result run(ConfigurableApplicationContext platform, int consultations, int filterSamples,
      int reportSamples) throws Exception {
    long started = System.nanoTime();
    LifecycleBenchmark engine = new LifecycleBenchmark(platform);
    for (String wave : WAVES) {
      Jobs.setClock(wave);
      generate(engine, consultations / WAVES.length);
    }
    double generation = (System.nanoTime() - started) / 1e9;
    // Fresh planner statistics and visibility maps, as autovacuum keeps them in production: the
    // tables grew from empty within minutes, stale estimates make PostgreSQL pick per-row nested
    // loops, and without a visibility map the engine's per-command scan of the authorization groups
    // cannot be index-only.
    JdbcTemplate jdbc = platform.getBean(JdbcTemplate.class);
    boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
        "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
    jdbc.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE");
    return measure(platform, consultations, generation, filterSamples, reportSamples);
  }

  /** Measures every filter of every user in {@link #USERS}, and the report, at {@link #MEASURED_AT}. */
  static Result measure(ConfigurableApplicationContext platform, int consultations, double generation,
      int filterSamples, int reportSamples) throws Exception {
    Jobs.setClock(MEASURED_AT);
    TaskService tasks = platform.getBean(TaskService.class);
    long open = tasks.createTaskQuery().count();
    long overdue = tasks.createTaskQuery().dueBefore(Jobs.berlin(MEASURED_AT)).count();
    long activities = platform.getBean(HistoryService.class).createHistoricActivityInstanceQuery().count();
    List<FilterLatency> filters = new ArrayList<>();
    for (String user : USERS.keySet()) {
      HttpSession session = session(platform, user);
      for (Map.Entry<String, String> filter : filters(session).entrySet()) {
        long count = JSON.readTree(count(session, filter.getValue()).get().body()).path("count").asLong();
        filters.add(new FilterLatency(user, filter.getKey(), count,
            measure(filterSamples, page(session, filter.getValue())),
            measure(filterSamples, count(session, filter.getValue()))));
      }
    }
    HttpSession management = session(platform, "steuerung");
    return new Result(consultations, open, overdue, activities, generation, filters,
        measure(reportSamples, () -> management.get("/api/programme/report")));
  }

  static HttpSession session(ConfigurableApplicationContext platform, String user) {
    return new HttpSession(PlatformStarter.port(platform)).basic(user, "demo");
  }

  /** The task filters Tasklist lists for the session's user, by name, in Tasklist's order (priority). */
  static Map<String, String> filters(HttpSession session) throws Exception {
    HttpResponse<String> response = session.get("/engine-rest/filter?resourceType=Task");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
    List<JsonNode> list = new ArrayList<>();
    JSON.readTree(response.body()).forEach(list::add);
    list.sort(Comparator.comparingInt(filter -> filter.path("properties").path("priority").asInt()));
    Map<String, String> filters = new LinkedHashMap<>();
    list.forEach(filter -> filters.put(filter.path("name").asText(), filter.path("id").asText()));
    return filters;
  }

  /** The filter's first page as Tasklist asks for it. */
  static Supplier<HttpResponse<String>> page(HttpSession session, String filterId) {
    return () -> session.postJsonAccepting("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        TASKLIST_PAGE, "application/hal+json");
  }

  /** The number of tasks in the filter, as an embedding page or a badge would ask for it. */
  static Supplier<HttpResponse<String>> count(HttpSession session, String filterId) {
    return () -> session.postJson("/engine-rest/filter/" + filterId + "/count", "{\"active\":true}");
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
