package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import de.kkb.support.EngineTime;
import de.kkb.support.FormerApplicantAccount;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The applicant portal's API: handing in documents, withdrawing, the status view, and who may open
 * a document. After every refusal the stored documents and the process instances are unchanged.
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class ApplicantPortalApiTest {

  static final String PATH = IntakeApiTest.PATH;
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @LocalServerPort
  int port;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;

  record Request(String reference, String token) {
  }

  Request submit() throws Exception {
    HttpResponse<String> created = new HttpSession(port).postJson(PATH,
        IntakeApiTest.JSON.writeValueAsString(IntakeApiTest.validRequest()));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = IntakeApiTest.JSON.readTree(created.body());
    return new Request(body.path("reference").asText(), body.path("accessToken").asText());
  }

  Request waitingForDocuments() throws Exception {
    Request request = submit();
    String task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult().getId();
    taskService.complete(task, Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING",
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Ratsbeschluss"));
    return request;
  }

  record Part(String name, String type, byte[] content) {
  }

  HttpResponse<String> upload(Request request, String token, Part... parts) throws Exception {
    String boundary = "kkbBoundary42";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + part.name()
          + "\"\r\nContent-Type: " + part.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(part.content());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(PATH + "/" + request.reference() + "/documents"))
        .header("X-Access-Token", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  HttpResponse<String> withdraw(Request request, String token, String json) throws Exception {
    return send(HttpRequest.newBuilder(uri(PATH + "/" + request.reference() + "/withdrawal"))
        .header("X-Access-Token", token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> download(String id, String user) throws Exception {
    return download(id, user, "demo");
  }

  HttpResponse<byte[]> download(String id, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/documents/" + id)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  long documents() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Long.class);
  }

  long instances() {
    return historyService.createHistoricProcessInstanceQuery().count();
  }

  /** Runs a refusal and checks its German problem and that nothing was stored or started. */
  void refused(int status, ThrowingCall call) throws Exception {
    long documents = documents();
    long instances = instances();
    HttpResponse<String> answer = call.run();
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.body()).contains("\"detail\"").doesNotContain("Exception");
    assertThat(documents()).isEqualTo(documents);
    assertThat(instances()).isEqualTo(instances);
  }

  interface ThrowingCall {
    HttpResponse<String> run() throws Exception;
  }

  @Test
  void documentsAreHandedInAndTheViewShowsThem() throws Exception {
    Request request = waitingForDocuments();
    HttpResponse<String> view = new HttpSession(port).get(PATH + "/" + request.reference(), "X-Access-Token", request.token());
    JsonNode waiting = IntakeApiTest.JSON.readTree(view.body());
    assertThat(waiting.path("status").asText()).isEqualTo("Unterlagen fehlen");
    assertThat(waiting.path("expected").path("missingDocuments").asText()).isEqualTo("Ratsbeschluss");
    assertThat(waiting.path("expected").path("deadline").asText()).isEqualTo("2023-07-17");

    long before = documents();
    HttpResponse<String> created = upload(request, request.token(), new Part("beschluss.pdf", "application/pdf", PDF),
        new Part("plan.png", "image/png", PNG));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(documents()).isEqualTo(before + 2);
    var check = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
    assertThat(check.getTaskDefinitionKey()).isEqualTo(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS);
    assertThat(taskService.getVariable(check.getId(), ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE))
        .as("the check starts undecided").isNull();
    JsonNode after = IntakeApiTest.JSON.readTree(new HttpSession(port)
        .get(PATH + "/" + request.reference(), "X-Access-Token", request.token()).body());
    assertThat(after.path("documents")).hasSize(2);
    assertThat(after.path("documents").toString()).doesNotContain("/api/documents");
    assertThat(after.path("expected").isNull()).isTrue();
  }

  @Test
  void uploadsAreRefusedWithoutStoringAnything() throws Exception {
    Request request = waitingForDocuments();
    refused(404, () -> upload(request, "wrong-token", new Part("a.pdf", "application/pdf", PDF)));
    byte[] exe = Arrays.copyOf("MZ\u0090\u0000This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1), 512);
    refused(415, () -> upload(request, request.token(), new Part("antrag.pdf", "application/pdf", exe)));
    refused(415, () -> upload(request, request.token(), new Part("notiz.pdf", "application/pdf",
        "nur Text".getBytes(StandardCharsets.UTF_8))));
    refused(415, () -> upload(request, request.token(), new Part("ok.pdf", "application/pdf", PDF),
        new Part("seite.html", "text/html", "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8))));
    byte[] eleven = Arrays.copyOf(PDF, 11 * 1024 * 1024);
    refused(413, () -> upload(request, request.token(), new Part("gross.pdf", "application/pdf", eleven)));
    Part[] elevenFiles = new Part[11];
    Arrays.fill(elevenFiles, new Part("a.pdf", "application/pdf", PDF));
    refused(400, () -> upload(request, request.token(), elevenFiles));
    refused(415, () -> send(HttpRequest.newBuilder(uri(PATH + "/" + request.reference() + "/documents"))
        .header("X-Access-Token", request.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"files\": []}"))));
    Request notWaiting = submit();
    refused(409, () -> upload(notWaiting, notWaiting.token(), new Part("a.pdf", "application/pdf", PDF)));
  }

  @Test
  void aRequestIsWithdrawnOnceAndOnlyWithItsToken() throws Exception {
    Request request = submit();
    refused(404, () -> withdraw(request, "wrong-token", "{}"));
    refused(400, () -> withdraw(request, request.token(), "{\"reason\": \"" + "x".repeat(2001) + "\"}"));
    HttpResponse<String> withdrawn = withdraw(request, request.token(), "{\"reason\": \"Der Rat hat neu entschieden.\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(IntakeApiTest.JSON.readTree(withdrawn.body()).path("status").asText()).isEqualTo("zurückgezogen");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(request.reference()).count()).isZero();
    assertThat(jdbc.queryForList("SELECT template FROM kkb_notification WHERE business_key = ?", String.class,
        request.reference())).contains("request-withdrawn-by-applicant");
    refused(409, () -> withdraw(request, request.token(), "{}"));
    JsonNode view = IntakeApiTest.JSON.readTree(new HttpSession(port)
        .get(PATH + "/" + request.reference(), "X-Access-Token", request.token()).body());
    assertThat(view.path("status").asText()).isEqualTo("zurückgezogen");
  }

  @Test
  void onlyProgrammeManagementAndTheAdvisingCarrierOpenADocument() throws Exception {
    Request request = waitingForDocuments();
    assertThat(upload(request, request.token(), new Part("beschluss.pdf", "application/pdf", PDF)).statusCode()).isEqualTo(201);
    String id = jdbc.queryForObject("SELECT id FROM kkb_document WHERE reference = ?", String.class, request.reference());
    // Complete, first talk, selected with K3B: the consultation's carrier group decides.
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(request.reference())
        .singleResult().getId();
    taskService.complete(task(instance), Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "COMPLETE"));
    assertThat(download(id, "k3b-anna").statusCode()).as("not yet selected").isEqualTo(403);
    taskService.complete(task(instance), Map.of(ConsultationRequestProcess.Variables.PRELIMINARY_TALK_DATE, "2023-07-10",
        ConsultationRequestProcess.Variables.PRELIMINARY_TALK_PARTICIPANTS, 4L,
        ConsultationRequestProcess.Variables.TALK_RECOMMENDATION, "Beratung empfohlen",
        ConsultationRequestProcess.Variables.TALK_RECOMMENDATION_NOTE, "gut"));
    taskService.complete(task(instance), Map.of(ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED",
        "carrierGroup", "consultants-k3b", "consultantLead", "k3b-anna",
        ConsultationRequestProcess.Variables.SELECTION_REASON, "Klarer Bedarf."));

    HttpResponse<byte[]> management = download(id, "steuerung");
    assertThat(management.statusCode()).isEqualTo(200);
    assertThat(management.body()).isEqualTo(PDF);
    assertThat(management.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(management.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        value -> assertThat(value).startsWith("attachment"));
    assertThat(management.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download(id, "k3b-anna").statusCode()).isEqualTo(200);
    assertThat(download(id, "fzfd-clara").statusCode()).isEqualTo(403);
    assertThat(download("00000000-0000-0000-0000-000000000000", "fzfd-clara").statusCode()).isEqualTo(403);
    assertThat(download(id, null).statusCode()).isEqualTo(401);
    // An account without a group (as applicants' accounts were) opens nothing.
    try {
      String former = FormerApplicantAccount.create(identityService);
      assertThat(download(id, former, FormerApplicantAccount.PASSWORD).statusCode()).isEqualTo(403);
    } finally {
      FormerApplicantAccount.delete(identityService);
    }
    assertThat(download("00000000-0000-0000-0000-000000000000", "steuerung").statusCode()).isEqualTo(404);
    List<String> refusedBodies = List.of(new String(download(id, "fzfd-clara").body(), StandardCharsets.UTF_8));
    assertThat(refusedBodies.get(0)).doesNotContain("%PDF");
    // The shared context's other tests count what consultants see: the consultation goes again.
    runtimeService.deleteProcessInstance(instance, "test done", true);
  }

  String task(String instance) {
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }
}
