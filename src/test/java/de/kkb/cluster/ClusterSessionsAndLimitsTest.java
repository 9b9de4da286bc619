package de.kkb.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.ApplicationForms;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformNodes;
import de.kkb.support.PostgresDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two nodes on one PostgreSQL database behind an imagined load balancer that sends each request to
 * either: a webapp login holds on both, the application page's one-time token too, and the intake's
 * rate limit and the login throttle count for the cluster, not per node.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterSessionsAndLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int REQUESTS_PER_MINUTE = 4;

  PlatformNodes cluster;
  int first;
  int second;
  SingleConnectionDataSource database;
  JdbcTemplate db;

  @BeforeAll
  void startTwoNodes() {
    String url = PostgresDatabases.fresh("kkb_cluster_limits");
    cluster = PlatformNodes.start("cluster-limits", 2, url, List.of("postgres"),
        List.of("kkb.intake.max-requests-per-minute=" + REQUESTS_PER_MINUTE,
            // The demo round, moved into the present: the application page takes requests today.
            "kkb.programme.shift-to-today=true"));
    first = cluster.node(0).port();
    second = cluster.node(1).port();
    database = new SingleConnectionDataSource(url, PostgresDatabases.USER, PostgresDatabases.PASSWORD, true);
    db = new JdbcTemplate(database);
  }

  /** Every test of the intake starts with a new bucket for this client (all tests come from 127.0.0.1). */
  @BeforeEach
  void newRateLimitBuckets() {
    db.update("DELETE FROM kkb_rate_limit_bucket");
  }

  @AfterAll
  void stopNodes() {
    if (database != null) {
      database.destroy();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aTasklistLoginOnOneNodeHoldsOnTheOtherWithItsCsrfTokenUntilLogout() throws Exception {
    HttpSession onFirst = new HttpSession(first);
    assertThat(onFirst.webappLogin("tasklist", "k3b-anna", "demo").statusCode()).isEqualTo(200);
    String session = onFirst.cookie("JSESSIONID");
    assertThat(session).isNotNull();
    HttpSession onSecond = onFirst.on(second);

    // Tasklist's first requests after the login, on the other node.
    HttpResponse<String> user = onSecond.get("/camunda/api/admin/auth/user/default");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
    assertThat(JSON.readTree(user.body()).path("userId").asText()).isEqualTo("k3b-anna");
    HttpResponse<String> filters = onSecond.get("/camunda/api/engine/engine/default/filter?resourceType=Task");
    assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
    assertThat(JSON.readTree(filters.body())).isNotEmpty();
    // A changing request needs the webapps' CSRF token, kept in the session: valid on both nodes.
    String csrf = onFirst.cookie("XSRF-TOKEN");
    assertThat(csrf).isNotNull();
    HttpResponse<String> query = onSecond.postJson("/camunda/api/engine/engine/default/task", "{}");
    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
    // A wrong token, in another person's session: Camunda's CSRF filter refuses the request (its 403
    // reaches the client as the error page's 404) and ends that session, on every node.
    HttpSession other = new HttpSession(first);
    assertThat(other.webappLogin("tasklist", "k3b-ben", "demo").statusCode()).isEqualTo(200);
    String otherSession = other.cookie("JSESSIONID");
    HttpResponse<String> forged = other.on(second).postJson("/camunda/api/engine/engine/default/task", "{}",
        "X-XSRF-TOKEN", "falsch");
    assertThat(forged.statusCode()).as("a wrong CSRF token, on the other node").isBetween(400, 499);
    assertThat(new HttpSession(first).get("/camunda/api/engine/engine/default/task/count", "Cookie",
        "JSESSIONID=" + otherSession).statusCode()).as("that session, on the first node").isEqualTo(401);

    // The session id stays the same on both nodes.
    assertThat(onFirst.cookie("JSESSIONID")).isEqualTo(session);
    // What the webapps keep in the session is in the database, serialised: the login and the token.
    assertThat(db.queryForList("SELECT attribute_name FROM spring_session_attributes", String.class))
        .contains("authenticatedUser", "CAMUNDA_CSRF_TOKEN");

    HttpResponse<String> before = new HttpSession(first).get("/camunda/api/engine/engine/default/task/count",
        "Cookie", "JSESSIONID=" + session);
    assertThat(before.statusCode()).as("the session cookie alone, on the first node").isEqualTo(200);

    // Logging out on the second node ends the session on the first one too.
    HttpResponse<String> logout = onSecond.postForm("/camunda/api/admin/auth/user/default/logout", Map.of());
    assertThat(logout.statusCode()).isBetween(200, 299);
    HttpSession staleOnFirst = new HttpSession(first);
    HttpResponse<String> after = staleOnFirst.get("/camunda/api/engine/engine/default/task/count",
        "Cookie", "JSESSIONID=" + session);
    assertThat(after.statusCode()).as("after logout on the other node").isEqualTo(401);
  }

  @Test
  void theSessionCookieKeepsItsNameAndFlags() {
    HttpSession browser = new HttpSession(first);
    browser.get("/camunda/app/tasklist/");
    HttpResponse<String> login = browser.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", "k3b-anna", "password", "demo"));
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/"));
  }

  @Test
  void aDoubleClickOnTheApplicationPageThatReachesBothNodesStartsOneRequest() throws Exception {
    HttpSession onFirst = new HttpSession(first);
    HttpResponse<String> page = onFirst.get("/beratung-anfragen");
    assertThat(page.statusCode()).isEqualTo(200);
    String token = Jsoup.parse(page.body()).select("input[name=formToken]").val();
    assertThat(token).isNotBlank();
    Map<String, String> form = ApplicationForms.filledIn("05999042", LocalDate.now().plusMonths(3).toString());
    form.put("formToken", token);
    int before = db.queryForObject("SELECT COUNT(*) FROM kkb_request", Integer.class);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<HttpResponse<String>> one = pool.submit(() -> onFirst.postForm("/beratung-anfragen", form));
      Future<HttpResponse<String>> other = pool.submit(() -> onFirst.on(second).postForm("/beratung-anfragen", form));
      assertThat(one.get().statusCode()).as(one.get().body()).isEqualTo(303);
      assertThat(other.get().statusCode()).as(other.get().body()).isEqualTo(303);
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.queryForObject("SELECT COUNT(*) FROM kkb_request", Integer.class)).isEqualTo(before + 1);
    HttpResponse<String> confirmation = onFirst.on(second).get("/beratung-anfragen/bestaetigung");
    assertThat(confirmation.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(confirmation.body()).select("#accessToken").text()).isNotBlank();
  }

  @Test
  void theIntakeRateLimitCountsRequestsOnBothNodesTogether() {
    // Alternating nodes, like a round-robin load balancer; the bucket of this client is new, so
    // no refill falls into these few requests (the first comes a minute after the bucket's start).
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 2 * REQUESTS_PER_MINUTE; i++) {
      int port = i % 2 == 0 ? first : second;
      answers.add(new HttpSession(port).get("/api/consultation-requests/KKB-0000-000").statusCode());
    }
    assertThat(answers.subList(0, REQUESTS_PER_MINUTE)).as(answers.toString()).doesNotContain(429);
    // Counted per node, each would have let through as many again.
    assertThat(answers.subList(REQUESTS_PER_MINUTE, answers.size())).as(answers.toString())
        .containsOnly(429);
    HttpResponse<String> refused = new HttpSession(second).get("/api/consultation-requests/KKB-0000-000");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void failedLoginsOnBothNodesLockTheIdTogetherAndBothNodesShowTheLock() throws Exception {
    String userId = "fzfd-david";
    for (int i = 0; i < 5; i++) {
      int port = i % 2 == 0 ? first : second;
      assertThat(basic(port, userId, "falsch").statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
    }
    assertThat(basic(first, userId, "demo").statusCode()).as("locked, on the first node").isEqualTo(429);
    assertThat(basic(second, userId, "demo").statusCode()).as("locked, on the second node").isEqualTo(429);
    HttpResponse<String> webapp = new HttpSession(second).webappLogin("tasklist", userId, "demo");
    assertThat(webapp.statusCode()).as("the webapps' login too").isEqualTo(429);
    for (int port : new int[] {first, second}) {
      JsonNode locks = JSON.readTree(new HttpSession(port).basic("demo", "demo").get("/api/admin/login-locks").body());
      assertThat(locks).as("locks seen on port " + port).anySatisfy(lock -> {
        assertThat(lock.path("userId").asText()).isEqualTo(userId);
        assertThat(lock.path("failedAttempts").asInt()).isEqualTo(5);
      });
    }
  }

  private static HttpResponse<String> basic(int port, String user, String password) {
    return new HttpSession(port).basic(user, password).get("/engine-rest/task?maxResults=1");
  }
}
