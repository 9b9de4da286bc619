package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import de.kkb.support.EngineTime;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.RequestStatus;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The status page as an applicant uses it, without an account: look up with reference and token,
 * hand in the missing documents, withdraw; wrong tokens get one German answer and are throttled.
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class StatusPageTest {

  static final String PAGE = "/beratung-anfragen/stand";

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;

  record Request(String reference, String token) {
  }

  Request submit() throws Exception {
    HttpResponse<String> created = new HttpSession(port).postJson("/api/consultation-requests",
        IntakeApiTest.JSON.writeValueAsString(IntakeApiTest.validRequest()));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = IntakeApiTest.JSON.readTree(created.body());
    return new Request(body.path("reference").asText(), body.path("accessToken").asText());
  }

  HttpResponse<String> open(Request request) {
    return new HttpSession(port).postForm(PAGE, Map.of("reference", request.reference(),
        "accessToken", request.token()));
  }

  @Test
  void theLookupAsksForReferenceAndTokenAndNeverPutsThemIntoTheUrl() {
    HttpResponse<String> page = new HttpSession(port).get(PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"de\">", "<label for=\"reference\">Aktenzeichen *</label>",
        "<label for=\"accessToken\">Zugangsschlüssel *</label>", "method=\"post\"");
  }

  @Test
  void theStatusShowsWhatIsExpectedAndTheDocumentsHandedInMoveTheRequestOn() throws Exception {
    Request request = submit();
    HttpResponse<String> received = open(request);
    assertThat(received.statusCode()).isEqualTo(200);
    assertThat(received.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(received.body()).contains(request.reference(), RequestStatus.IN_REVIEW.label())
        .doesNotContain("Unterlagen einreichen");

    String check = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult().getId();
    taskService.complete(check, Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING",
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Beschluss des Rates"));
    HttpResponse<String> missing = open(request);
    assertThat(missing.body()).contains(RequestStatus.DOCUMENTS_MISSING.label(), "Beschluss des Rates",
        "17.07.2023", "Unterlagen einreichen", "Bisher keine.");

    long before = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Long.class);
    HttpResponse<String> handedIn = upload(request, "beschluss.pdf", ApplicantPortalApiTest.PDF);
    assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(200);
    assertThat(handedIn.body()).contains("Ihre Datei ist eingegangen", "beschluss.pdf")
        .doesNotContain("Unterlagen einreichen");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Long.class)).isEqualTo(before + 1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS);

    // Once handed in, the request no longer waits: a second upload is refused in German, nothing stored.
    HttpResponse<String> again = upload(request, "nachtrag.pdf", ApplicantPortalApiTest.PDF);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Unterlagen können nur nachgereicht werden");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Long.class)).isEqualTo(before + 1);
  }

  @Test
  void aFileThatIsNoDocumentIsRefusedOnThePage() throws Exception {
    Request request = submit();
    String check = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult().getId();
    taskService.complete(check, Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING",
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Ratsbeschluss"));
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Long.class);
    HttpResponse<String> refused = upload(request, "beschluss.pdf", "MZ\u0090\u0000ausführbar".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body()).contains("role=\"alert\"", RequestStatus.DOCUMENTS_MISSING.label());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Long.class)).isEqualTo(before);
  }

  @Test
  void theApplicantWithdrawsAfterConfirming() throws Exception {
    Request request = submit();
    HttpResponse<String> unconfirmed = new HttpSession(port).postForm(PAGE + "/rueckzug", Map.of(
        "reference", request.reference(), "accessToken", request.token(), "reason", "Der Konflikt ist beigelegt."));
    assertThat(unconfirmed.body()).contains("Bitte bestätigen Sie");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).count()).isEqualTo(1);

    HttpResponse<String> withdrawn = new HttpSession(port).postForm(PAGE + "/rueckzug", Map.of(
        "reference", request.reference(), "accessToken", request.token(), "reason", "Der Konflikt ist beigelegt.",
        "confirmed", "true"));
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("Ihre Anfrage ist zurückgezogen", RequestStatus.WITHDRAWN.label())
        .doesNotContain("Anfrage zurückziehen</h2>");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).count()).isZero();
  }

  @Test
  void aWrongTokenGetsTheAnswerOfAnUnknownReferenceAndRepeatedTriesAreThrottled() throws Exception {
    Request request = submit();
    HttpResponse<String> unknown = new HttpSession(port).postForm(PAGE, Map.of("reference", "KKB-2023-999",
        "accessToken", request.token()));
    HttpResponse<String> wrong = open(new Request(request.reference(), "falsch"));
    assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
    String answer = "Keine Beratungsanfrage zu diesem Aktenzeichen und Zugangsschlüssel.";
    assertThat(wrong.body()).contains(answer).doesNotContain(RequestStatus.IN_REVIEW.label());
    assertThat(unknown.body()).contains(answer);
    for (int i = 0; i < 4; i++) {
      open(new Request(request.reference(), "falsch" + i));
    }
    // Five wrong tries: even the right token waits now.
    HttpResponse<String> locked = open(request);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("zu oft ein falscher Zugangsschlüssel").doesNotContain("Stand</dt>");
  }

  HttpResponse<String> upload(Request request, String name, byte[] content) throws Exception {
    String boundary = "kkbPage";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] field : new String[][] {{"reference", request.reference()}, {"accessToken", request.token()}}) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
          + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new HttpSession(port).post(PAGE + "/unterlagen", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
  }
}
