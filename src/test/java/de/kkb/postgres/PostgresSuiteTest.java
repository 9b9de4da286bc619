package de.kkb.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PostgresDatabases;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform in the "postgres" profile against the local PostgreSQL server. */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class PostgresSuiteTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresDatabases.fresh("kkb_suite");
    registry.add("KKB_DB_URL", () -> url);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired
  DataSource dataSource;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theEngineRunsOnPostgres() throws Exception {
    assertThat(engineConfiguration.getDatabaseType()).isEqualTo("postgres");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getCatalog()).isEqualTo(PostgresDatabases.PREFIX + "kkb_suite");
    }
  }

  /** The tuning scenario 6 of the benchmark showed to be needed for Tasklist's filters. */
  @Test
  void connectionsPlanEveryQueryAndAuthorizationsHaveStatistics() {
    assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
    assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
    assertThat(jdbc.queryForObject("SHOW work_mem", String.class)).isEqualTo("16MB");
    assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext WHERE stxrelid = 'act_ru_authorization'::regclass",
        String.class)).containsExactlyInAnyOrder("kkb_auth_perms_2", "kkb_auth_perms_64");
  }

  @Test
  void schemaModelsAndIdentityAreThere() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(InterventionProcess.KEY)
        .count()).isEqualTo(1);
    // Programme management, admins and the two carriers' consultants; applicants have no accounts.
    assertThat(identityService.createGroupQuery().list()).extracting(group -> group.getId())
        .containsExactlyInAnyOrder("programme-management", "camunda-admin", "consultants-k3b",
            "consultants-forumzfd");
    assertThat(identityService.createUserQuery().memberOfGroup("consultants-k3b").count())
        .isEqualTo(2);
  }

  @Test
  void restApiIsSecuredOnPostgresToo() throws Exception {
    assertThat(new HttpSession(port).get("/engine-rest/process-definition").statusCode())
        .isEqualTo(401);
    String id = runtimeService.startProcessInstanceByKey(InterventionProcess.KEY, "KKB-PG-001",
        Map.of("carrierGroup", "consultants-forumzfd", "plannedDate", "2030-03-01")).getId();
    try {
      HttpResponse<String> admin =
          new HttpSession(port).basic("demo", "demo").get("/engine-rest/process-instance");
      assertThat(admin.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(admin.body()).findValuesAsText("id")).contains(id);
      HttpResponse<String> anna =
          new HttpSession(port).basic("k3b-anna", "demo").get("/engine-rest/process-instance");
      assertThat(anna.statusCode()).as("instances are not part of a consultant's work").isEqualTo(403);
      assertThat(anna.body()).doesNotContain(id);
      assertThat(new HttpSession(port).basic("demo", "demo").postJson("/engine-rest/task",
          "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}").statusCode())
          .isEqualTo(400);
    } finally {
      runtimeService.deleteProcessInstance(id, "test cleanup");
    }
  }

  @Test
  void thePlanOfMeasuresSurvivesAsJsonOnPostgres() {
    Jobs.setClock("2024-03-01T09:00");
    try {
      String id = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of(
          "reference", "KKB-PG-002", "municipalityName", "Pgstadt",
          "carrierGroup", "consultants-k3b", "consultantTeam", "Team")).getId();
      complete(id, Map.of("firstTalkDate", "2024-03-02", "administrationHeadRole", "LANDRAT",
          "firstTalkParticipants", 2));
      complete(id, Map.of("agreementOutcome", "CONCLUDED", "agreementSignedDate", "2024-03-05",
          "agreementParties", "Landrat, K3B", "goal1", "Dialog"));
      // Analysis and options: the engine does not check form fields, only the gateways read them.
      for (int i = 0; i < 5; i++) {
        complete(id, Map.of());
      }
      complete(id, Map.of("conceptAgreement", "AGREED"));
      complete(id, Map.of("measureTitle", "Runder Tisch", "measureFormat", "RUNDER_TISCH",
          "plannedDate", "2024-05-02", "measureLead", "K3B", "moreMeasures", true));
      complete(id, Map.of("measureTitle", "Workshop", "measureFormat", "WORKSHOP",
          "plannedDate", "2024-05-03", "measureLead", "K3B", "moreMeasures", false));
      assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list())
          .extracting(pi -> runtimeService.getVariable(pi.getId(), "measureTitle"))
          .containsExactlyInAnyOrder("Runder Tisch", "Workshop");
      runtimeService.deleteProcessInstance(id, "test cleanup");
    } finally {
      ClockUtil.reset();
    }
  }

  private void complete(String processInstanceId, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    taskService.complete(task.getId(), variables);
  }

  /**
   * Six eligible requests, six threads decide "selected" at the same moment, four places: exactly
   * four are selected and two come back with the capacity message. Twenty times.
   */
  @Test
  void concurrentSelectionsNeverExceedTheCapacity() throws Exception {
    Jobs.setClock("2023-07-03T09:00");
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < 20; round++) {
        jdbc.update("DELETE FROM kkb_place");
        List<String> decisions = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          String ags = String.format("05%02d%04d", round, i);
          String id = runtimeService.startProcessInstanceByKey(ConsultationRequestProcess.KEY, Map.of(
              "municipalityName", "Stadt " + round + "-" + i, "municipalityKind", "STADT", "ags", ags,
              "population", 10000, "contactName", "X", "contactRole", "Y",
              "contactEmail", "x@example.org", "commissionedByAdministrationHead", true,
              "conflictDescription", "Konflikt ".repeat(10), "desiredStart", "2023-10-01")).getId();
          requests.add(id);
          complete(id, Map.of("documentsComplete", "COMPLETE"));
          complete(id, Map.of("talkRecommendation", "Beratung empfohlen"));
          decisions.add(taskService.createTaskQuery().processInstanceId(id).singleResult().getId());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (String task : decisions) {
          done.add(threads.submit(() -> {
            start.await();
            taskService.complete(task, Map.of("selectionDecision", "SELECTED",
                "carrierGroup", "consultants-k3b", "consultantLead", "k3b-anna", "selectionReason", "Bedarf"));
            return null;
          }));
        }
        start.countDown();
        for (Future<?> future : done) {
          future.get(60, TimeUnit.SECONDS);
        }
        long selected = requests.stream().filter(id -> runtimeService.createProcessInstanceQuery()
            .superProcessInstanceId(id).count() == 1).count();
        List<Object> refusals = requests.stream()
            .map(id -> runtimeService.getVariable(id, "selectionRefusal")).filter(v -> v != null).toList();
        assertThat(selected).as("round " + round).isEqualTo(4);
        assertThat(refusals).as("round " + round).hasSize(2)
            .allSatisfy(r -> assertThat(r.toString()).contains("Alle 4 Plätze der Programmrunde sind vergeben"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_place", Integer.class)).isEqualTo(4);
        for (String id : requests) {
          runtimeService.deleteProcessInstance(id, "test cleanup");
        }
      }
    } finally {
      threads.shutdownNow();
      ClockUtil.reset();
    }
  }

  /** A document an applicant hands in is stored as bytes in PostgreSQL and opens unchanged. */
  @Test
  void aHandedInDocumentIsStoredAndOpensOnPostgres() throws Exception {
    Jobs.setClock("2023-07-03T09:00");
    try {
      HttpResponse<String> created = new HttpSession(port).postJson("/api/consultation-requests", """
          {"municipalityName": "Dokumentstadt", "municipalityKind": "STADT", "ags": "05999001",
           "population": 12000, "contactName": "Dora Dokument", "contactRole": "Büro",
           "contactEmail": "dora@dokumentstadt.example.org", "commissionedByAdministrationHead": true,
           "conflictDescription": "Seit dem Umbau des Marktplatzes streiten Verwaltung, Händler und Anwohnende.",
           "desiredStart": "2023-10-01"}""");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String reference = JSON.readTree(created.body()).path("reference").asText();
      String token = JSON.readTree(created.body()).path("accessToken").asText();
      Task check = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
      taskService.complete(check.getId(), Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE,
          "MISSING", ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Ratsbeschluss"));

      byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
      String boundary = "kkbBoundary";
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
          + "filename=\"beschluss.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(pdf);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/api/consultation-requests/" + reference + "/documents"))
          .header("X-Access-Token", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult()
          .getTaskDefinitionKey()).isEqualTo(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS);

      String id = jdbc.queryForObject("SELECT id FROM kkb_document WHERE reference = ?", String.class, reference);
      HttpResponse<byte[]> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/api/documents/" + id))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              "steuerung:demo".getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(opened.statusCode()).isEqualTo(200);
      assertThat(opened.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(opened.body()).isEqualTo(pdf);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void healthIsUp() {
    HttpResponse<String> health = new HttpSession(port).get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }
}
