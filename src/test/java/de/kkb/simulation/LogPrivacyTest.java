package de.kkb.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import de.kkb.intake.ConsultationRequestService;
import de.kkb.support.CapturedLog;
import de.kkb.support.HttpSession;
import de.kkb.vocabulary.RequestStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The log never carries what people wrote or what opens their data: a whole programme round
 * ({@link ProgrammeSimulation}) with the log captured from the platform's start, at the levels of
 * production (INFO and above) and DEBUG for the platform's own code, while applicants use their
 * access tokens on the status page and the API, hand in a document, and programme management
 * logs in, opens it and exports the report. Not one free text, contact detail, document content,
 * access token or password may appear in a message or in an exception's message.
 */
@Tag("own-jvm")
class LogPrivacyTest {

  static final String PASSWORD = "Kennwort-Vertraulich-7Qx!";
  static final String WRONG_PASSWORD = "Vertippt-Vertraulich-3Zr!";
  static final String REVIEWER = "pruefer";
  /** The request whose documents are missing at first (its number among the five). */
  static final int MISSING_DOCUMENTS = 2;

  ProgrammeSimulation simulation;
  String documentContent;
  String documentName;
  String documentId;
  boolean exported;

  @AfterEach
  void stop() {
    if (simulation != null) {
      simulation.close();
    }
  }

  @Test
  void aWholeRoundLeavesNoPersonalContentInTheLog() throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      simulation = ProgrammeSimulation.start(CapturedLog.SPRING_CONFIG, "logging.level.root=info",
          "logging.level.de.kkb=debug");
      simulation.documentsMissingAtFirst.add(MISSING_DOCUMENTS);
      reviewer(simulation.platform.getBean(IdentityService.class));
      documentContent = simulation.freeText("documentContent");
      documentName = simulation.freeText("fileName") + ".pdf";
      simulation.run(this::applicantAndProgrammeManagement);

      assertThat(documentId).as("the applicant handed in a document").isNotNull();
      assertThat(exported).as("programme management opened it and exported the report").isTrue();
      assertThat(simulation.jdbc.queryForList("SELECT user_id FROM kkb_audit WHERE action IN "
          + "('DOCUMENT_DOWNLOAD', 'CSV_EXPORT')", String.class)).containsOnly(REVIEWER).hasSize(2);
      List<CapturedLog.Line> lines = platformLines(log.lines());
      assertThat(lines).as("the log was captured from the start")
          .anySatisfy(line -> assertThat(line.text()).contains("Programme round"))
          .anySatisfy(line -> assertThat(line.logger()).startsWith("org.camunda.bpm"));
      Set<String> secrets = secrets();
      assertThat(secrets).as("what is searched for").hasSizeGreaterThan(50);
      assertThat(leaks(lines, secrets)).isEmpty();
    }
  }

  /**
   * A mail server that refuses: the notice's job fails, and the engine logs the job's exception
   * (ENGINE-16004, with its message and causes). Neither the applicant's address nor anything
   * they wrote may be in it.
   */
  @Test
  void aMailServerOutageLeavesNoAddressInTheLog() throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      simulation = ProgrammeSimulation.start(CapturedLog.SPRING_CONFIG, "logging.level.root=info",
          "logging.level.de.kkb=debug");
      simulation.smtp.stop();
      simulation.at(ProgrammeSimulation.APPLICATION_DAY, 10, 0);
      var submitted = simulation.platform.getBean(ConsultationRequestService.class)
          .submit(simulation.application(1));
      simulation.accessTokens.put(submitted.reference(), submitted.accessToken());
      int failed = 0;
      for (Job job : simulation.management.createJobQuery().executable().list()) {
        try {
          simulation.management.executeJob(job.getId());
        } catch (RuntimeException refused) {
          failed++;
        }
      }
      assertThat(failed).as("the mail server refused").isPositive();
      assertThat(leaks(platformLines(log.lines()), secrets())).isEmpty();
    }
  }

  /** The search finds a value in a message and in an exception's message alike. */
  @Test
  void theSearchFindsAValueThatIsLogged() {
    String secret = "Vertraulich-999 conflictDescription";
    try (CapturedLog log = CapturedLog.open()) {
      LoggerFactory.getLogger("de.kkb.example").info("Ein Text: {}", "harmlos");
      assertThat(leaks(log.lines(), Set.of(secret))).isEmpty();
      LoggerFactory.getLogger("de.kkb.example").info("Beschreibung: {}", secret);
      LoggerFactory.getLogger("org.camunda.bpm.example").warn("Job fehlgeschlagen",
          new IllegalStateException("wrapper", new IllegalArgumentException("Wert " + secret)));
      assertThat(leaks(log.lines(), Set.of(secret))).hasSize(2);
    }
  }

  /** What the simulated people entered, the document, every access token and both passwords. */
  Set<String> secrets() {
    Set<String> secrets = new LinkedHashSet<>(simulation.confidential.keySet());
    secrets.addAll(simulation.accessTokens.values());
    secrets.add(PASSWORD);
    secrets.add(WRONG_PASSWORD);
    return secrets;
  }

  /** The lines of the platform: the test's stand-in mail server is not the platform. */
  static List<CapturedLog.Line> platformLines(List<CapturedLog.Line> lines) {
    return lines.stream().filter(line -> !line.logger().startsWith("com.icegreen")).toList();
  }

  static List<String> leaks(Collection<CapturedLog.Line> lines, Collection<String> secrets) {
    List<String> leaks = new ArrayList<>();
    for (CapturedLog.Line line : lines) {
      for (String secret : secrets) {
        if (line.text().contains(secret)) {
          leaks.add("„" + secret + "“ in " + line);
        }
      }
    }
    return leaks;
  }

  // --- what applicants and programme management do besides the tasks ----------------------------

  void applicantAndProgrammeManagement(LocalDate day) throws Exception {
    if (simulation.references.size() < MISSING_DOCUMENTS || exported) {
      return;
    }
    String reference = simulation.references.get(MISSING_DOCUMENTS - 1);
    String token = simulation.accessTokens.get(reference);
    HttpSession applicant = new HttpSession(simulation.port);
    if (documentId == null) {
      var status = applicant.get("/api/consultation-requests/" + reference, "X-Access-Token", token);
      assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
      JsonNode request = ProgrammeSimulation.JSON.readTree(status.body());
      if (!RequestStatus.DOCUMENTS_MISSING.label().equals(request.path("status").asText())) {
        return;
      }
      // The status page with reference and token, then the upload through the API.
      assertThat(applicant.postForm("/beratung-anfragen/stand", Map.of("reference", reference,
          "accessToken", token)).statusCode()).isEqualTo(200);
      var uploaded = upload(reference, token);
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
      documentId = simulation.jdbc.queryForObject("SELECT id FROM kkb_document WHERE reference = ?",
          String.class, reference);
      return;
    }
    // The next day: programme management logs in (once with a typo), opens it, exports the report.
    assertThat(new HttpSession(simulation.port).basic(REVIEWER, WRONG_PASSWORD).get("/api/programme/report")
        .statusCode()).isEqualTo(401);
    HttpSession reviewer = new HttpSession(simulation.port).basic(REVIEWER, PASSWORD);
    var document = reviewer.get("/api/documents/" + documentId);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains(documentContent);
    assertThat(reviewer.get("/api/programme/report?format=csv").statusCode()).isEqualTo(200);
    HttpSession tasklist = new HttpSession(simulation.port);
    assertThat(tasklist.webappLogin("tasklist", REVIEWER, PASSWORD).statusCode()).isEqualTo(200);
    exported = true;
  }

  HttpResponse<String> upload(String reference, String token) throws Exception {
    String boundary = "kkbLogPrivacy";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + documentName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(("%PDF-1.4\n% " + documentContent + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + simulation.port
            + "/api/consultation-requests/" + reference + "/documents"))
        .header("X-Access-Token", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void reviewer(IdentityService identity) {
    User user = identity.newUser(REVIEWER);
    user.setFirstName("Paula");
    user.setLastName("Prüfer");
    user.setEmail("pruefer@kkb.example.org");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(REVIEWER, "programme-management");
  }
}
