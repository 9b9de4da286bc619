package de.kkb.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.intake.ApplicantDocuments;
import de.kkb.support.FormerApplicantAccount;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The audit as admins read it (API and page): the platform's sensitive actions with who and when,
 * and the engine's user operation log, for logged-in users and for the platform itself; nobody but
 * admins may read it.
 */
@PlatformTest
class AuditTrailTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ApplicantDocuments documents;
  @Autowired
  AuditLog auditLog;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ProcessEngineConfiguration engineConfiguration;
  final List<String> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    SecurityContextHolder.clearContext();
    started.forEach(id -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test cleanup");
      }
    });
  }

  @Test
  void aDocumentDownloadIsListedWithWhoAndWhen() throws Exception {
    Jobs.setClock("2029-03-05T09:41:07");
    String id = documents.store("KKB-2029-901", "Ratsbeschluss.pdf", "application/pdf",
        "%PDF-1.4\n%%EOF".getBytes()).id();
    Jobs.setClock("2029-03-05T10:12:33");
    assertThat(new HttpSession(port).basic("steuerung", "demo").get("/api/documents/" + id).statusCode())
        .isEqualTo(200);

    JsonNode entry = only(audit("action=DOCUMENT_DOWNLOAD&from=2029-03-05&to=2029-03-05"), "subject", id);
    assertThat(entry.path("source").asText()).isEqualTo("PLATTFORM");
    assertThat(entry.path("user").asText()).isEqualTo("steuerung");
    assertThat(entry.path("time").asText()).startsWith("2029-03-05T10:12:33");
    assertThat(entry.path("label").asText()).isEqualTo("Dokument geöffnet");
    assertThat(entry.path("detail").asText()).isEqualTo("Aktenzeichen KKB-2029-901")
        .doesNotContain("Ratsbeschluss");
  }

  @Test
  void anUnknownDocumentIsNoDownload() throws Exception {
    Jobs.setClock("2029-03-06T08:00");
    assertThat(new HttpSession(port).basic("steuerung", "demo").get("/api/documents/unbekannt").statusCode())
        .isEqualTo(404);
    assertThat(audit("action=DOCUMENT_DOWNLOAD&from=2029-03-06&to=2029-03-06").path("entries")).isEmpty();
  }

  @Test
  void aCsvExportIsListedButTheJsonReportIsNot() throws Exception {
    Jobs.setClock("2029-04-02T14:05:09");
    HttpSession steering = new HttpSession(port).basic("steuerung", "demo");
    assertThat(steering.get("/api/programme/report").statusCode()).isEqualTo(200);
    assertThat(audit("action=CSV_EXPORT&from=2029-04-02&to=2029-04-02").path("entries")).isEmpty();
    assertThat(steering.get("/api/programme/report?format=csv").statusCode()).isEqualTo(200);

    JsonNode entries = audit("action=CSV_EXPORT&from=2029-04-02&to=2029-04-02").path("entries");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).path("user").asText()).isEqualTo("steuerung");
    assertThat(entries.get(0).path("time").asText()).startsWith("2029-04-02T14:05:09");
    assertThat(entries.get(0).path("label").asText()).isEqualTo("Bericht als CSV exportiert");
    assertThat(entries.get(0).path("detail").asText()).matches("1 Zeile|\\d+ Zeilen");
  }

  /** Access requests and erasures are recorded by their own pages through {@link AuditLog}. */
  @Test
  void accessRequestsAndErasuresRecordedThroughTheAuditLogAreListed() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("demo", null, "camunda-admin"));
    Jobs.setClock("2029-05-07T11:00:01");
    auditLog.record(AuditAction.ACCESS_REQUEST, "KKB-2029-902", "Auskunft zu einer Anfrage");
    Jobs.setClock("2029-05-07T11:30:02");
    auditLog.record(AuditAction.ERASURE, "KKB-2029-902", "Anfrage gelöscht");
    SecurityContextHolder.clearContext();

    JsonNode entries = audit("from=2029-05-07&to=2029-05-07").path("entries");
    assertThat(entries).extracting(e -> e.path("action").asText()).containsSubsequence("ERASURE", "ACCESS_REQUEST");
    JsonNode erasure = only(audit("action=ERASURE&from=2029-05-07&to=2029-05-07"), "subject", "KKB-2029-902");
    assertThat(erasure.path("user").asText()).isEqualTo("demo");
    assertThat(erasure.path("time").asText()).startsWith("2029-05-07T11:30:02");
    JsonNode access = only(audit("action=ACCESS_REQUEST&from=2029-05-07&to=2029-05-07"), "subject", "KKB-2029-902");
    assertThat(access.path("user").asText()).isEqualTo("demo");
    assertThat(access.path("label").asText()).isEqualTo("Auskunft erteilt");
  }

  @Test
  void taskCompletionsAreListedFromTheEnginesUserOperationLog() throws Exception {
    assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).isRestrictUserOperationLogToAuthenticatedUsers())
        .as("operations without a logged-in user are logged too").isFalse();
    Jobs.setClock("2029-06-11T09:00");
    String consultation = startConsultation("KKB-2029-903");
    Task firstTalk = taskService.createTaskQuery().processInstanceId(consultation).singleResult();
    Jobs.setClock("2029-06-11T15:45:10");
    HttpResponse<String> completed = new HttpSession(port).basic("k3b-anna", "demo")
        .postJson("/engine-rest/task/" + firstTalk.getId() + "/complete", "{}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    // The platform itself, without a logged-in user (as the simulation and the intake do).
    Jobs.setClock("2029-06-12T08:30:20");
    Task agreement = taskService.createTaskQuery().processInstanceId(consultation).singleResult();
    taskService.complete(agreement.getId(), Map.of("agreementOutcome", "CONCLUDED"));

    JsonNode byAnna = only(audit("action=Complete&from=2029-06-11&to=2029-06-12"), "taskId", firstTalk.getId());
    assertThat(byAnna.path("source").asText()).isEqualTo("ENGINE");
    assertThat(byAnna.path("user").asText()).isEqualTo("k3b-anna");
    assertThat(byAnna.path("processInstanceId").asText()).isEqualTo(consultation);
    assertThat(byAnna.path("time").asText()).startsWith("2029-06-11T15:45:10");
    assertThat(byAnna.path("label").asText()).isEqualTo("Aufgabe abgeschlossen");
    assertThat(byAnna.path("subject").asText()).isEqualTo("Aufgabe");
    JsonNode bySystem = only(audit("action=Complete&from=2029-06-12&to=2029-06-12"), "taskId", agreement.getId());
    assertThat(bySystem.path("user").asText()).isEqualTo(AuditEntry.SYSTEM);
    assertThat(bySystem.path("time").asText()).startsWith("2029-06-12T08:30:20");

    // Both sources in one answer, newest first.
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("demo", null, "camunda-admin"));
    Jobs.setClock("2029-06-11T16:00");
    auditLog.record(AuditAction.ACCESS_REQUEST, "KKB-2029-903", null);
    SecurityContextHolder.clearContext();
    JsonNode both = audit("from=2029-06-11&to=2029-06-12").path("entries");
    assertThat(both).extracting(e -> e.path("source").asText()).contains("PLATTFORM", "ENGINE");
    List<String> times = new ArrayList<>();
    both.forEach(e -> times.add(e.path("time").asText()));
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void pagesAreLimitedAndCounted() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("demo", null, "camunda-admin"));
    for (int i = 0; i < 3; i++) {
      Jobs.setClock("2029-07-0" + (i + 1) + "T12:00");
      auditLog.record(AuditAction.ACCESS_REQUEST, "KKB-2029-91" + i, null);
    }
    SecurityContextHolder.clearContext();
    JsonNode first = audit("action=ACCESS_REQUEST&from=2029-07-01&to=2029-07-03&limit=2");
    assertThat(first.path("total").asInt()).isEqualTo(3);
    assertThat(first.path("entries")).extracting(e -> e.path("subject").asText())
        .containsExactly("KKB-2029-912", "KKB-2029-911");
    JsonNode second = audit("action=ACCESS_REQUEST&from=2029-07-01&to=2029-07-03&limit=2&offset=2");
    assertThat(second.path("entries")).extracting(e -> e.path("subject").asText()).containsExactly("KKB-2029-910");
  }

  @Test
  void aMalformedFilterIsAGermanProblem() throws Exception {
    HttpResponse<String> response = auditAs("demo", "from=05.03.2029");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("JJJJ-MM-TT");
    assertThat(auditAs("demo", "limit=100000").statusCode()).isEqualTo(400);
    HttpResponse<String> page = new HttpSession(port).basic("demo", "demo")
        .get("/administration/protokoll?von=gestern");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(page.body()).select("#problem").text()).contains("JJJJ-MM-TT");
  }

  @Test
  void thePageListsTheEntriesInGerman() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("demo", null, "camunda-admin"));
    Jobs.setClock("2029-08-14T16:20:00");
    auditLog.record(AuditAction.ERASURE, "KKB-2029-920", "Anfrage gelöscht");
    SecurityContextHolder.clearContext();
    HttpResponse<String> response = new HttpSession(port).basic("demo", "demo")
        .get("/administration/protokoll?von=2029-08-14&bis=2029-08-14");
    assertThat(response.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(response.body());
    assertThat(page.select("html").attr("lang")).isEqualTo("de");
    assertThat(page.select("h1").text()).isEqualTo("Protokoll der Zugriffe");
    assertThat(page.select("table th[scope=col]")).hasSize(8);
    assertThat(page.select("label[for=aktion]")).hasSize(1);
    assertThat(page.select("tbody tr").text()).contains("14.08.2029 16:20:00", "Plattform", "Daten gelöscht",
        "demo", "KKB-2029-920");
  }

  @Test
  void consultantsProgrammeManagementAndFormerApplicantsCannotReadIt() {
    FormerApplicantAccount.create(identityService);
    try {
      for (String user : List.of("k3b-anna", "fzfd-clara", "steuerung", FormerApplicantAccount.ID)) {
        HttpSession session = new HttpSession(port).basic(user, "demo");
        assertThat(session.get("/api/admin/audit").statusCode()).as(user).isEqualTo(403);
        assertThat(session.get("/administration/protokoll").statusCode()).as(user).isEqualTo(403);
      }
    } finally {
      FormerApplicantAccount.delete(identityService);
    }
    HttpSession anonymous = new HttpSession(port);
    assertThat(anonymous.get("/api/admin/audit").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/administration/protokoll").statusCode()).isEqualTo(401);
    assertThat(new HttpSession(port).basic("demo", "demo").get("/administration/protokoll").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aConsultantLoggedInToTasklistCannotOpenThePage() {
    HttpSession tasklist = new HttpSession(port);
    assertThat(tasklist.webappLogin("tasklist", "k3b-anna", "demo").statusCode()).isEqualTo(200);
    assertThat(tasklist.get("/administration/protokoll").statusCode()).isEqualTo(403);
    assertThat(tasklist.get("/api/admin/audit").statusCode()).isEqualTo(403);
  }

  String startConsultation(String reference) {
    String id = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, reference, Map.of(
        "reference", reference, "municipalityName", "Protokollstadt", "carrierGroup", "consultants-k3b",
        "consultantTeam", "k3b-anna", "consultantLead", "k3b-anna")).getId();
    started.add(id);
    return id;
  }

  JsonNode audit(String query) throws Exception {
    HttpResponse<String> response = auditAs("demo", query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  HttpResponse<String> auditAs(String user, String query) {
    return new HttpSession(port).basic(user, "demo").get("/api/admin/audit" + (query.isEmpty() ? "" : "?" + query));
  }

  static JsonNode only(JsonNode page, String field, String value) {
    List<JsonNode> matching = new ArrayList<>();
    page.path("entries").forEach(entry -> {
      if (value.equals(entry.path(field).asText())) {
        matching.add(entry);
      }
    });
    assertThat(matching).as(field + " " + value + " in " + page).hasSize(1);
    return matching.get(0);
  }
}
