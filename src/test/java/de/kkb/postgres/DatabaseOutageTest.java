package de.kkb.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.ApplicationForms;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.support.PostgresDatabases;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.web.DatabaseUnavailable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's database goes away and comes back, as in a restart, without restarting the shared
 * PostgreSQL server: the database refuses new connections and the platform's are terminated. Every
 * request is answered 201 or 503 with a German problem and Retry-After, never 500, and leaves either
 * a registered request with its running process or nothing at all.
 */
@Tag("postgres")
@Tag("own-jvm")
class DatabaseOutageTest {

  static final String DATABASE = "kkb_faults_outage";
  static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicInteger NEXT_AGS = new AtomicInteger(700000);

  static ConfigurableApplicationContext platform;
  static int port;

  @BeforeAll
  static void start() {
    String url = PostgresDatabases.fresh(DATABASE);
    platform = PlatformStarter.start(List.of("test", "postgres"), "KKB_DB_URL=" + url,
        "kkb.intake.max-requests-per-minute=1000000");
    port = PlatformStarter.port(platform);
  }

  @AfterAll
  static void stop() {
    allowConnections(true);
    ClockUtil.reset();
    platform.close();
  }

  @BeforeEach
  void clock() {
    Jobs.setClock("2023-07-03T09:00");
  }

  /**
   * The restart. The field report's took 2.5 s; this one is longer than a request waits for a
   * connection ({@code spring.datasource.hikari.connection-timeout}, 5 s), so that requests arriving
   * during it are answered 503, and shorter than the intake's patience with a request the outage
   * caught after it registered (ConsultationRequestService.TAKE_BACK_PATIENCE, to take the
   * registration back), so that a 503 leaves nothing behind. A still longer outage leaves such a registration without a process; it
   * no longer blocks the municipality after RequestRegister.ORPHANED_AFTER (OrphanedRegistrationTest).
   */
  static final Duration OUTAGE = Duration.ofSeconds(7);

  record Answer(String ags, int phaseSent, int phaseAnswered, HttpResponse<String> response) {
  }

  @Test
  void intakeRequestsDuringARestartAreAnswered201Or503AndLeaveNothingHalfStarted() throws Exception {
    AtomicInteger phase = new AtomicInteger(0);
    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    CountDownLatch createdBefore = new CountDownLatch(8);
    CountDownLatch createdAfter = new CountDownLatch(8);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    for (int client = 0; client < 4; client++) {
      running.add(clients.submit(() -> {
        HttpSession http = new HttpSession(port);
        while (createdAfter.getCount() > 0 && answers.size() < 5000) {
          String ags = nextAgs();
          int sent = phase.get();
          HttpResponse<String> response = http.postJson("/api/consultation-requests", intakeJson(ags));
          int answered = phase.get();
          answers.add(new Answer(ags, sent, answered, response));
          if (response.statusCode() == 201) {
            (sent == 0 ? createdBefore : sent == 2 ? createdAfter : new CountDownLatch(0)).countDown();
          }
        }
        return null;
      }));
    }

    createdBefore.await();
    phase.set(1);
    allowConnections(false);
    assertThat(terminatePlatformConnections()).as("the platform's connections really dropped").isPositive();
    TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis());
    allowConnections(true);
    phase.set(2);
    createdAfter.await(5, TimeUnit.MINUTES);
    for (var client : running) {
      client.get();
    }
    clients.shutdown();

    List<Answer> all = new ArrayList<>(answers);
    System.out.printf("intake during the outage: %d answers, %d x 201, %d x 503%n", all.size(),
        all.stream().filter(a -> a.response().statusCode() == 201).count(),
        all.stream().filter(a -> a.response().statusCode() == 503).count());
    assertThat(all).extracting(a -> a.response().statusCode()).as("never a 500").containsOnly(201, 503);
    assertThat(all).filteredOn(a -> a.response().statusCode() == 503).as("503 during the outage")
        .isNotEmpty().allSatisfy(a -> assertThat(a.phaseAnswered()).isPositive());
    assertThat(all).filteredOn(a -> a.phaseSent() == 2 && a.response().statusCode() == 201)
        .as("201 after it").hasSizeGreaterThanOrEqualTo(8);

    RuntimeService runtime = platform.getBean(RuntimeService.class);
    HistoryService history = platform.getBean(HistoryService.class);
    JdbcTemplate jdbc = platform.getBean(JdbcTemplate.class);
    for (Answer answer : all) {
      if (answer.response().statusCode() == 201) {
        String reference = JSON.readTree(answer.response().body()).path("reference").asText();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
            .as("running process of %s", reference).isOne();
      } else {
        assertProblem503(answer.response());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_request WHERE ags = ?", Integer.class,
            answer.ags())).as("registration left by a 503 for %s", answer.ags()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
            .variableValueEquals(ConsultationRequestProcess.Variables.AGS, answer.ags()).count())
            .as("process left by a 503 for %s", answer.ags()).isZero();
      }
    }
  }

  @Test
  void everyEntranceAnswers503WhileTheDatabaseIsAwayAndWorksAgainAfterwards() throws Exception {
    HttpResponse<String> created = new HttpSession(port).postJson("/api/consultation-requests",
        intakeJson(nextAgs()));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode request = JSON.readTree(created.body());
    String reference = request.path("reference").asText();
    String token = request.path("accessToken").asText();
    HttpSession applicant = new HttpSession(port);
    String formToken = Jsoup.parse(applicant.get("/beratung-anfragen").body())
        .select("input[name=formToken]").val();
    HttpSession cockpit = new HttpSession(port);
    assertThat(cockpit.webappLogin("cockpit", "demo", "demo").statusCode()).isEqualTo(200);
    HttpSession engineApi = new HttpSession(port).basic("demo", "demo");
    HttpSession consultant = new HttpSession(port);
    assertThat(consultant.webappLogin("tasklist", "k3b-anna", "demo").statusCode()).isEqualTo(200);

    allowConnections(false);
    try {
      terminatePlatformConnections();
      assertProblem503(new HttpSession(port).postJson("/api/consultation-requests", intakeJson(nextAgs())));
      Map<String, String> form = ApplicationForms.filledIn(nextAgs(), "2023-11-01");
      form.put("formToken", formToken);
      assertProblem503(applicant.postForm("/beratung-anfragen", form));
      assertProblem503(new HttpSession(port).postForm("/beratung-anfragen/stand",
          Map.of("reference", reference, "accessToken", token)));
      assertProblem503(new HttpSession(port).get("/api/consultation-requests/" + reference,
          "X-Access-Token", token));
      assertProblem503(engineApi.get("/engine-rest/task"));
      assertProblem503(cockpit.get("/camunda/api/engine/engine/default/task/count"));
      assertProblem503(cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"));
      // Not the uniform 404 a consultant gets for other errors of the engine API.
      assertProblem503(consultant.get("/camunda/api/engine/engine/default/task/count"));
      // A person's browser opening a page gets the German error page, with the same status and header.
      HttpResponse<String> page = new HttpSession(port).get("/beratung-anfragen", "Accept", HttpSession.BROWSER_ACCEPT);
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.headers().firstValue("Retry-After")).hasValue(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Vorübergehend nicht erreichbar");
      assertThat(Jsoup.parse(page.body()).select("#error").text()).contains("Ihre Eingaben wurden nicht verarbeitet");
    } finally {
      allowConnections(true);
    }

    assertThat(new HttpSession(port).postJson("/api/consultation-requests", intakeJson(nextAgs())).statusCode())
        .isEqualTo(201);
    assertThat(new HttpSession(port).postForm("/beratung-anfragen/stand",
        Map.of("reference", reference, "accessToken", token)).statusCode()).isEqualTo(200);
    assertThat(engineApi.get("/engine-rest/task").statusCode()).isEqualTo(200);
    assertThat(cockpit.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    assertThat(consultant.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
  }

  static void assertProblem503(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).hasValue(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("title").asText()).isEqualTo("Datenbank vorübergehend nicht erreichbar");
    assertThat(problem.path("detail").asText()).contains("Bitte in wenigen Sekunden erneut versuchen");
  }

  static String nextAgs() {
    return String.format("05%06d", NEXT_AGS.incrementAndGet());
  }

  static String intakeJson(String ags) {
    Map<String, Object> request = new HashMap<>();
    request.put("municipalityName", "Ausfallstadt " + ags);
    request.put("municipalityKind", "STADT");
    request.put("ags", ags);
    request.put("population", 52000);
    request.put("contactName", "Maria Muster");
    request.put("contactRole", "Büro der Bürgermeisterin");
    request.put("contactEmail", "buero@ausfallstadt.example.org");
    request.put("commissionedByAdministrationHead", true);
    request.put("conflictDescription", "Seit dem Umbau des Marktplatzes streiten Verwaltung, Händler "
        + "und Anwohnende; Ratssitzungen eskalieren.");
    request.put("desiredStart", "2023-10-01");
    try {
      return JSON.writeValueAsString(request);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** ALLOW_CONNECTIONS of the platform's database: false is the "restart" of this test. */
  static void allowConnections(boolean allow) {
    admin("ALTER DATABASE " + PostgresDatabases.PREFIX + DATABASE + " WITH ALLOW_CONNECTIONS " + allow);
  }

  static int terminatePlatformConnections() {
    try (Connection admin = adminConnection(); Statement sql = admin.createStatement();
        var terminated = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + PostgresDatabases.PREFIX + DATABASE + "' AND pid <> pg_backend_pid()")) {
      // In the select list, not the condition: a condition may be evaluated for any row first.
      int count = 0;
      while (terminated.next()) {
        count += terminated.getBoolean(1) ? 1 : 0;
      }
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void admin(String statement) {
    try (Connection admin = adminConnection(); Statement sql = admin.createStatement()) {
      sql.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(PostgresDatabases.url("postgres"), PostgresDatabases.USER,
        PostgresDatabases.PASSWORD);
  }
}
