package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.EngineTime;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public intake API: every answer it gives, and that no refusal starts a process. */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class IntakeApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/api/consultation-requests";
  static int nextAgs = 100;

  @LocalServerPort
  int port;
  @Autowired
  HistoryService historyService;
  @Autowired
  RuntimeService runtimeService;

  static synchronized String nextNrwAgs() {
    return String.format("05%06d", nextAgs++);
  }

  static Map<String, Object> validRequest() {
    Map<String, Object> request = new HashMap<>();
    request.put("municipalityName", "Musterstadt");
    request.put("municipalityKind", "STADT");
    request.put("ags", nextNrwAgs());
    request.put("population", 52000);
    request.put("contactName", "Maria Muster");
    request.put("contactRole", "Büro der Bürgermeisterin");
    request.put("contactEmail", "buero@musterstadt.example.org");
    request.put("contactPhone", "+49 221 12345");
    request.put("commissionedByAdministrationHead", true);
    request.put("conflictDescription", "Seit dem Umbau des Marktplatzes streiten Verwaltung, Händler "
        + "und Anwohnende; Ratssitzungen eskalieren.");
    request.put("previousAttempts", "Bürgerversammlung im Frühjahr.");
    request.put("partiesInvolved", "Verwaltung, Händlerverein, Anwohnerinitiative");
    request.put("desiredStart", "2023-10-01");
    return request;
  }

  long requestsStarted() {
    return requestsStarted(historyService);
  }

  /** Every request process ever started, ended ones included: a refusal must not add one. */
  static long requestsStarted(HistoryService history) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationRequestProcess.KEY).count();
  }

  HttpResponse<String> post(Object body) throws Exception {
    return new HttpSession(port).postJson(PATH, JSON.writeValueAsString(body));
  }

  @Test
  void aValidRequestIsCreatedAndItsStatusCanBeReadWithTheToken() throws Exception {
    long before = requestsStarted();
    Map<String, Object> request = validRequest();
    request.put("conflictDescription", "<script>alert('x')</script> Der Streit um den Marktplatz "
        + "dauert an und spaltet die Stadtgesellschaft.");
    HttpResponse<String> created = post(request);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    String reference = body.path("reference").asText();
    assertThat(reference).matches("KKB-2023-\\d{3}");
    assertThat(body.path("accessToken").asText()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(body.path("status").asText()).isEqualTo("in Prüfung");
    assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + reference);
    assertThat(requestsStarted()).isEqualTo(before + 1);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    assertThat((String) runtimeService.getVariable(instance, "conflictDescription"))
        .as("stored as text, exactly as sent").startsWith("<script>alert('x')</script>");

    HttpResponse<String> status = new HttpSession(port)
        .get(PATH + "/" + reference, "X-Access-Token", body.path("accessToken").asText());
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(status.body()).path("status").asText()).isEqualTo("in Prüfung");
    assertThat(JSON.readTree(status.body()).fieldNames()).toIterable()
        .containsExactlyInAnyOrder("reference", "status", "reason", "received", "statusHistory", "expected",
            "documents");
  }

  @Test
  void wrongMissingTokenOrUnknownReferenceIsTheSame404() throws Exception {
    JsonNode created = JSON.readTree(post(validRequest()).body());
    String reference = created.path("reference").asText();
    long before = requestsStarted();
    HttpResponse<String> wrong = new HttpSession(port).get(PATH + "/" + reference, "X-Access-Token", "falsch");
    HttpResponse<String> missing = new HttpSession(port).get(PATH + "/" + reference);
    HttpResponse<String> unknown = new HttpSession(port).get(PATH + "/KKB-2023-999", "X-Access-Token",
        created.path("accessToken").asText());
    for (HttpResponse<String> response : new HttpResponse[] {wrong, missing, unknown}) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    JsonNode problem = JSON.readTree(unknown.body());
    for (HttpResponse<String> response : new HttpResponse[] {wrong, missing}) {
      JsonNode same = JSON.readTree(response.body());
      assertThat(same.path("title")).isEqualTo(problem.path("title"));
      assertThat(same.path("detail")).isEqualTo(problem.path("detail"));
    }
    assertThat(requestsStarted()).isEqualTo(before);
  }

  static Stream<Arguments> invalidFields() {
    return Stream.of(
        Arguments.of("municipalityName", null, "Namen der Kommune"),
        Arguments.of("municipalityName", "X", "mindestens 2 Zeichen"),
        Arguments.of("municipalityName", "", "Namen der Kommune"),
        Arguments.of("ags", "", "Gemeindeschlüssel angeben"),
        Arguments.of("municipalityKind", "", "Art der Kommune"),
        Arguments.of("conflictDescription", "", "50 bis 5.000"),
        Arguments.of("conflictDescription", " ".repeat(60), "Konfliktlage beschreiben"),
        Arguments.of("municipalityKind", "DORF", "GEMEINDE, STADT oder KREIS"),
        Arguments.of("ags", "0531500", "genau 8 Ziffern"),
        Arguments.of("ags", "05a15000", "genau 8 Ziffern"),
        Arguments.of("population", 0, "mindestens 1"),
        Arguments.of("population", 30_000_000, "höchstens 20.000.000"),
        Arguments.of("population", "viele", "Format"),
        Arguments.of("contactName", " ", "Ansprechperson"),
        Arguments.of("contactRole", null, "Funktion"),
        Arguments.of("contactEmail", "keine-adresse", "gültige E-Mail-Adresse"),
        Arguments.of("contactPhone", "0221-abc", "Ziffern"),
        Arguments.of("commissionedByAdministrationHead", null, "Verwaltungsspitze"),
        Arguments.of("commissionedByAdministrationHead", "vielleicht", "Format"),
        Arguments.of("conflictDescription", "Zu kurz.", "50 bis 5.000"),
        Arguments.of("conflictDescription", "x".repeat(5001), "50 bis 5.000"),
        Arguments.of("previousAttempts", "x".repeat(5001), "5.000"),
        Arguments.of("partiesInvolved", "x".repeat(2001), "2.000"),
        Arguments.of("desiredStart", null, "gewünschten Beginn"),
        Arguments.of("desiredStart", "01.10.2023", "Format"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("invalidFields")
  void eachInvalidFieldGetsItsOwnGermanMessage(String field, Object value, String message)
      throws Exception {
    long before = requestsStarted();
    Map<String, Object> request = validRequest();
    request.put(field, value);
    HttpResponse<String> response = post(request);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode errors = JSON.readTree(response.body()).path("errors");
    assertThat(errors.fieldNames()).toIterable().containsExactly(field);
    assertThat(errors.path(field).asText()).contains(message);
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void everyMissingRequiredFieldIsNamed() throws Exception {
    long before = requestsStarted();
    HttpResponse<String> response = post(Map.of());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("errors").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("municipalityName", "municipalityKind", "ags", "population",
            "contactName", "contactRole", "contactEmail", "commissionedByAdministrationHead",
            "conflictDescription", "desiredStart");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void brokenJsonIs400() throws Exception {
    long before = requestsStarted();
    HttpResponse<String> response = new HttpSession(port).postJson(PATH, "{\"municipalityName\": ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("kein gültiges JSON");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  /** A request the eligibility rules refuse ends in the start's transaction; the answer says so. */
  @Test
  void anIneligibleRequestIsAnsweredWithTheStatusItsProcessEndedIn() throws Exception {
    Map<String, Object> request = validRequest();
    request.put("ags", "06412000"); // Frankfurt am Main: not in NRW
    HttpResponse<String> created = post(request);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    assertThat(body.path("status").asText()).isEqualTo("nicht ausgewählt");
    HttpResponse<String> status = new HttpSession(port)
        .get(PATH + "/" + body.path("reference").asText(), "X-Access-Token", body.path("accessToken").asText());
    assertThat(JSON.readTree(status.body()).path("status").asText()).isEqualTo("nicht ausgewählt");
  }

  @Test
  void aSecondOpenRequestOfTheSameMunicipalityIs409() throws Exception {
    Map<String, Object> request = validRequest();
    assertThat(post(request).statusCode()).isEqualTo(201);
    long before = requestsStarted();
    HttpResponse<String> second = post(request);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(second.body()).path("detail").asText())
        .contains("bereits eine offene Beratungsanfrage");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void afterTheApplicationDeadlineRequestsAreRefused() throws Exception {
    Jobs.setClock("2023-10-01T00:30");
    long before = requestsStarted();
    HttpResponse<String> late = post(validRequest());
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(late.body()).path("detail").asText()).contains("30.09.2023");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void bodiesOver64KibAre413() throws Exception {
    long before = requestsStarted();
    Map<String, Object> request = validRequest();
    request.put("previousAttempts", "x".repeat(70 * 1024));
    HttpResponse<String> response = post(request);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("64 KiB");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void anythingButJsonIs415() throws Exception {
    long before = requestsStarted();
    for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
      HttpResponse<String> response = new HttpSession(port).post(PATH, type,
          JSON.writeValueAsBytes(validRequest()));
      assertThat(response.statusCode()).as(type).isEqualTo(415);
      assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("application/json");
    }
    assertThat(requestsStarted()).isEqualTo(before);
  }

  /** From 127.0.0.2, so that the limit of this address does not touch the other tests. */
  @Test
  void oneClientAddressIsLimitedPerMinute() throws Exception {
    long before = requestsStarted();
    int limit = 1000; // kkb.intake.max-requests-per-minute of the test profile
    for (int i = 0; i < limit; i++) {
      assertThat(rawGet("127.0.0.2", PATH + "/KKB-2023-998")).as("request " + i).startsWith("HTTP/1.1 404");
    }
    assertThat(rawGet("127.0.0.2", PATH + "/KKB-2023-998")).startsWith("HTTP/1.1 429")
        .contains("Retry-After: 60").contains("Zu viele Anfragen");
    String body = JSON.writeValueAsString(validRequest());
    assertThat(rawPost("127.0.0.2", PATH, body)).startsWith("HTTP/1.1 429");
    assertThat(requestsStarted()).isEqualTo(before);
    assertThat(rawGet("127.0.0.3", PATH + "/KKB-2023-998")).as("another address").startsWith("HTTP/1.1 404");
  }

  String rawGet(String from, String path) throws Exception {
    return raw(from, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  }

  String rawPost(String from, String path, String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return raw(from, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n" + json);
  }

  String raw(String from, String request) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      StringBuilder response = new StringBuilder();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        response.append(line).append("\n");
      }
      return response.toString();
    }
  }
}
