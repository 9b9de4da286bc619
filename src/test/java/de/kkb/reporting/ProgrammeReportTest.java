package de.kkb.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.FormerApplicantAccount;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.InterventionProcess;
import de.kkb.vocabulary.Phase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The programme report on seeded consultations, in JSON and as CSV for German Excel. */
@PlatformTest
class ProgrammeReportTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  static int seeded;
  String onTime;
  String late;
  String lateReference;
  String onTimeReference;

  @BeforeEach
  void seed() {
    // Fresh references for each test: history keeps the instances of earlier ones.
    seeded += 2;
    lateReference = String.format("KKB-2024-%03d", 500 + seeded);
    onTimeReference = String.format("KKB-2024-%03d", 501 + seeded);
    Jobs.setClock("2024-02-01T09:00");
    late = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference", lateReference,
        "municipalityName", "Spätstadt", "carrierGroup", "consultants-k3b", "consultantTeam", "T")).getId();
    Jobs.setClock("2024-03-01T09:00");
    onTime = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference", onTimeReference,
        "municipalityName", "Pünktlich; \"am Rhein\"", "carrierGroup", "consultants-forumzfd",
        "consultantTeam", "T")).getId();
    complete(onTime, Map.of("firstTalkDate", "2024-03-01"));
    Jobs.setClock("2024-03-04T10:00");
    complete(onTime, Map.of("agreementOutcome", "CONCLUDED", "goal1", "Dialog"));
    Jobs.setClock("2024-03-11T12:00");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    runtimeService.deleteProcessInstance(late, "test cleanup");
    runtimeService.deleteProcessInstance(onTime, "test cleanup");
  }

  void complete(String instance, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(),
        variables);
  }

  @Test
  void measuresHeldAreCountedPerMunicipality() throws Exception {
    for (String outcome : new String[] {"HELD", "CANCELLED"}) {
      String measure = runtimeService.startProcessInstanceByKey(InterventionProcess.KEY, lateReference, Map.of(
          "carrierGroup", "consultants-k3b", "plannedDate", "2024-03-05", "measureTitle", "Runder Tisch"))
          .getId();
      complete(measure, Map.of());
      Jobs.runDueJobs(managementService);
      complete(measure, Map.of("interventionOutcome", outcome, "followUpPlanned", false));
    }
    JsonNode rows = JSON.readTree(new HttpSession(port).basic("steuerung", "demo")
        .get("/api/programme/report").body());
    assertThat(row(rows, lateReference).path("measuresCarriedOut").asInt()).isEqualTo(1);
    assertThat(row(rows, onTimeReference).path("measuresCarriedOut").asInt()).isZero();
  }

  @Test
  void jsonHasARowPerMunicipalityWithPhaseTasksAndDeadlines() throws Exception {
    HttpResponse<String> response = new HttpSession(port).basic("steuerung", "demo")
        .get("/api/programme/report");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode rows = JSON.readTree(response.body());
    JsonNode lateRow = row(rows, lateReference);
    assertThat(lateRow.path("municipalityName").asText()).isEqualTo("Spätstadt");
    assertThat(lateRow.path("carrier").asText()).isEqualTo("K3B");
    assertThat(lateRow.path("phase").asText()).isEqualTo("Auftragsklärung");
    assertThat(lateRow.path("openTasks").asInt()).isEqualTo(1);
    // First talk: 15 working days from 1 Feb 2024 → 22 Feb, overdue on 11 March.
    assertThat(lateRow.path("overdueTasks").asInt()).isEqualTo(1);
    assertThat(lateRow.path("daysInPhase").asInt()).isEqualTo(39);

    JsonNode onTimeRow = row(rows, onTimeReference);
    assertThat(onTimeRow.path("phase").asText()).isEqualTo("Konfliktanalyse");
    assertThat(onTimeRow.path("overdueTasks").asInt()).isZero();
    assertThat(onTimeRow.path("daysInPhase").asInt()).isEqualTo(7);
    assertThat(onTimeRow.path("phaseStarted").fieldNames()).toIterable()
        .containsExactly("Auftragsklärung", "Konfliktanalyse");
    assertThat(onTimeRow.path("measuresPlanned").asInt()).isZero();
    assertThat(onTimeRow.path("nextDeadline").isNull()).isFalse();
  }

  /**
   * A phase begins when the variable {@code phase} takes its label, not when a box of that name
   * starts: the report still works when the model's boxes are renamed in Camunda Modeler.
   */
  @Test
  void phaseStartsComeFromThePhaseVariable() throws Exception {
    // No box of the model starts here: only the variable changes, on 8 March.
    Jobs.setClock("2024-03-08T09:00");
    runtimeService.setVariable(late, CommonVariables.PHASE, Phase.CONFLICT_ANALYSIS.label());
    Jobs.setClock("2024-03-11T12:00");
    JsonNode lateRow = row(JSON.readTree(new HttpSession(port).basic("steuerung", "demo")
        .get("/api/programme/report").body()), lateReference);
    assertThat(lateRow.path("phase").asText()).isEqualTo(Phase.CONFLICT_ANALYSIS.label());
    assertThat(lateRow.path("phaseStarted").fieldNames()).toIterable()
        .containsExactly(Phase.MANDATE_CLARIFICATION.label(), Phase.CONFLICT_ANALYSIS.label());
    assertThat(lateRow.path("daysInPhase").asInt()).isEqualTo(3);
  }

  @Test
  void csvOpensInGermanExcel() throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/programme/report?format=csv"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("steuerung:demo".getBytes()))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    byte[] body = response.body();
    assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("Aktenzeichen;Kommune;Träger;Phase;Beginn Auftragsklärung;")
        .contains("Überfällige Aufgaben", "Maßnahmen durchgeführt", "Letzte Aktivität");
    List<CSVRecord> records = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
        .setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    CSVRecord onTimeRecord = records.stream().filter(r -> r.get("Aktenzeichen").equals(onTimeReference))
        .findFirst().orElseThrow();
    assertThat(onTimeRecord.get("Kommune")).isEqualTo("Pünktlich; \"am Rhein\"");
    assertThat(onTimeRecord.get("Träger")).isEqualTo("forumZFD");
    assertThat(onTimeRecord.get("Beginn Auftragsklärung")).isEqualTo("01.03.2024");
    assertThat(onTimeRecord.get("Beginn Konfliktanalyse")).isEqualTo("04.03.2024");
    assertThat(onTimeRecord.get("Beginn Umsetzung")).isEmpty();
    CSVRecord lateRecord = records.stream().filter(r -> r.get("Aktenzeichen").equals(lateReference))
        .findFirst().orElseThrow();
    assertThat(lateRecord.get("Überfällige Aufgaben")).isEqualTo("1");
    assertThat(lateRecord.get("Nächste Frist")).isEqualTo("22.02.2024");
  }

  @Test
  void onlyProgrammeManagementMayReadIt() {
    assertThat(new HttpSession(port).get("/api/programme/report").statusCode()).isEqualTo(401);
    assertThat(new HttpSession(port).basic("niemand", "falsch").get("/api/programme/report").statusCode())
        .isEqualTo(401);
    assertThat(new HttpSession(port).basic("k3b-anna", "demo").get("/api/programme/report").statusCode())
        .isEqualTo(403);
    try {
      assertThat(new HttpSession(port).basic(FormerApplicantAccount.create(identityService), FormerApplicantAccount.PASSWORD)
          .get("/api/programme/report?format=csv").statusCode()).isEqualTo(403);
    } finally {
      FormerApplicantAccount.delete(identityService);
    }
    assertThat(new HttpSession(port).basic("steuerung", "demo").get("/api/programme/report?format=csv")
        .statusCode()).isEqualTo(200);
  }

  static JsonNode row(JsonNode rows, String reference) {
    for (JsonNode row : rows) {
      if (reference.equals(row.path("reference").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + reference);
  }
}
