package de.kkb.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.kkb.support.FreePort;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Access requests and erasure on a platform of its own (a fresh database, so that selections take
 * places of no other test), with a mail server (GreenMail) that is down for the first notice, so that a
 * job log and a job carry a failure message.
 * <ul>
 *   <li>After erasing a contact, a scan of every text and binary column of every table finds their
 *       e-mail address, name and phone number nowhere, while their request and consultation run on with
 *       the contact anonymised and nothing is mailed to them; the audit trail says what was erased.</li>
 *   <li>After erasing a request by reference, nothing of it is left but its reference.</li>
 *   <li>Erasing a selected request within its retention period is refused with the German reason, and
 *       not one row changes.</li>
 *   <li>An access request finds the person's data in every store that holds it, as JSON and page;
 *       consultants are refused; the audit trail records it without the address.</li>
 * </ul>
 * The H2 and the PostgreSQL variant differ only in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataProtectionScenario {

  static final ContactJourney.Contact CONTACT = new ContactJourney.Contact("Hiltrud Quandt-Erasmus",
      "h.quandt-erasmus@bahnhofstadt.example.org", "+49 2102 5550-4711", "Büro des Bürgermeisters");
  static final ContactJourney.Contact OTHER = new ContactJourney.Contact("Gerlinde Wachtelmeyer",
      "g.wachtelmeyer@kleinkleckersdorf.example.org", "0211 7770-0815", "Ordnungsamt");

  static final ContactJourney.Contact ASKING = new ContactJourney.Contact("Wiebke Tessendorf-Auskunft",
      "w.tessendorf@auskunftstadt.example.org", "+49 2151 333-2020", "Stabsstelle Bürgerbeteiligung");
  static final ContactJourney.Contact KEPT = new ContactJourney.Contact("Ottokar Behaltemann",
      "o.behaltemann@aufbewahrstadt.example.org", "+49 2161 444-1234", "Dezernat I");

  GreenMail smtp;
  ConfigurableApplicationContext platform;
  int port;
  ContactJourney journey;
  JdbcTemplate jdbc;
  DatabaseScan scan;

  /** The properties of the platform's database, and its profiles. */
  abstract List<String> profiles();

  abstract String[] databaseProperties();

  @BeforeAll
  void start() {
    int smtpPort = FreePort.find();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    String[] mail = {"spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
        "spring.mail.properties.mail.smtp.connectiontimeout=2000"};
    String[] database = databaseProperties();
    String[] properties = new String[mail.length + database.length];
    System.arraycopy(mail, 0, properties, 0, mail.length);
    System.arraycopy(database, 0, properties, mail.length, database.length);
    platform = PlatformStarter.start(profiles(), properties);
    port = PlatformStarter.port(platform);
    journey = new ContactJourney(platform, port);
    jdbc = platform.getBean(JdbcTemplate.class);
    scan = new DatabaseScan(platform.getBean(DataSource.class));
    Jobs.setClock("2023-07-03T09:00");
  }

  private boolean mailRunning;

  void mailUp() {
    if (!mailRunning) {
      smtp.start();
      mailRunning = true;
    }
  }

  void mailDown() {
    if (mailRunning) {
      smtp.stop();
      mailRunning = false;
    }
  }

  static String recipient(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stop() {
    ClockUtil.reset();
    if (smtp != null) {
      mailDown();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void erasingAContactLeavesTheirDataNowhereAndTheirRequestRunning() throws Exception {
    // The mail server is down for the first notice: its job fails once, with a message.
    mailDown();
    ContactJourney.Request request = journey.submit(CONTACT, "05158004", "Bahnhofstadt");
    assertThat(journey.runJobs()).as("the receipt fails while the mail server is down").hasSize(1);
    mailUp();
    Jobs.setClock("2023-07-03T09:30");
    journey.runJobs();
    journey.documentsHandedIn(request, CONTACT, "ratsbeschluss.pdf");
    journey.selectedAndAgreed(request, CONTACT);
    assertThat(smtp.getReceivedMessages()).extracting(DataProtectionScenario::recipient).contains(CONTACT.email());
    assertThat(journey.running(request)).as("request and consultation").isEqualTo(2);

    // So that the scan means something: before, the person is in every kind of store.
    Map<String, List<String>> before = scan.find(CONTACT.identifiers());
    // A failed send's job message and stack trace name the notice, never its address.
    assertThat(String.join(" ", before.get(CONTACT.email())).toUpperCase()).contains("ACT_RU_VARIABLE.TEXT_",
        "ACT_HI_DETAIL.TEXT_", "ACT_HI_VARINST.TEXT_", "KKB_NOTIFICATION.RECIPIENT")
        .doesNotContain("ACT_HI_JOB_LOG.JOB_EXCEPTION_MSG_");
    assertThat(String.join(" ", before.get(CONTACT.name())).toUpperCase()).contains("ACT_GE_BYTEARRAY.BYTES_",
        "ACT_HI_COMMENT", "KKB_NOTIFICATION.BODY_TEXT", "ACT_HI_VARINST.TEXT_");
    assertThat(before.get(CONTACT.phone())).isNotEmpty();
    int mailsBefore = smtp.getReceivedMessages().length;

    HttpResponse<String> erased = new HttpSession(port).basic("demo", "demo").postJson(DataProtectionApi.ERASURE,
        ContactJourney.JSON.writeValueAsString(Map.of("email", CONTACT.email().toUpperCase(),
            "reason", "Antrag von " + CONTACT.name() + " auf Löschung nach Art. 17 DSGVO vom 03.07.2023")));
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonNode result = ContactJourney.JSON.readTree(erased.body());
    // No engine message to scrub: a failed send's job message names the notice, not the person.
    for (String store : List.of(Erasures.VARIABLES, Erasures.HISTORY, Erasures.FORM_FIELDS, Erasures.COMMENTS,
        Erasures.NOTIFICATIONS)) {
      assertThat(result.path("erased").path(store).asInt()).as(store).isPositive();
    }

    Map<String, List<String>> after = scan.find(CONTACT.identifiers());
    assertThat(after).as("every text and binary column of every table").allSatisfy(
        (needle, where) -> assertThat(where).as(needle).isEmpty());

    // The request and its consultation run on, the contact anonymised, and the history of the
    // contact variables starts again with the placeholder.
    RuntimeService runtime = platform.getBean(RuntimeService.class);
    assertThat(journey.running(request)).isEqualTo(2);
    String instance = journey.task(request) == null
        ? runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.reference())
            .processDefinitionKey(ConsultationRequestProcess.KEY).singleResult().getId()
        : journey.task(request).getProcessInstanceId();
    assertThat(runtime.getVariable(instance, ConsultationRequestProcess.Variables.CONTACT_EMAIL)).isEqualTo(ErasedContact.EMAIL);
    assertThat(runtime.getVariable(instance, ConsultationRequestProcess.Variables.CONTACT_NAME)).isEqualTo(ErasedContact.NAME);
    assertThat(runtime.getVariable(instance, ConsultationRequestProcess.Variables.CONTACT_PHONE)).isEqualTo(ErasedContact.NAME);
    assertThat(platform.getBean(HistoryService.class).createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(ConsultationRequestProcess.Variables.CONTACT_EMAIL).singleResult().getValue())
        .isEqualTo(ErasedContact.EMAIL);
    assertThat(journey.consultationTask(request).getName()).as("the consultation goes on").isNotBlank();

    // A notice the applicant would get now (the withdrawal's confirmation) is not sent.
    assertThat(journey.withdraw(request).statusCode()).isEqualTo(200);
    journey.runJobs();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_notification WHERE business_key = ? AND template = ?",
        Integer.class, request.reference(), "request-withdrawn-by-applicant")).isZero();
    List<String> since = java.util.Arrays.stream(smtp.getReceivedMessages()).skip(mailsBefore)
        .map(DataProtectionScenario::recipient).toList();
    assertThat(since).doesNotContain(CONTACT.email(), ErasedContact.EMAIL);
    assertThat(scan.find(CONTACT.identifiers())).allSatisfy((needle, where) -> assertThat(where).as(needle).isEmpty());

    // The audit trail says what was erased, under a hash of the address, without the data.
    List<Map<String, Object>> audit = jdbc.queryForList("SELECT user_id, subject, detail FROM kkb_audit WHERE action = ? "
        + "AND subject = ?", "ERASURE", "E-Mail sha256:" + DataSubject.hashPrefix(CONTACT.email()));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("user_id")).isEqualTo("demo");
    assertThat((String) audit.get(0).get("subject")).isEqualTo("E-Mail sha256:" + DataSubject.hashPrefix(CONTACT.email()));
    assertThat((String) audit.get(0).get("detail")).contains("Grund: Antrag von [gelöscht]", Erasures.VARIABLES,
        Erasures.NOTIFICATIONS);
  }

  @Test
  void erasingARequestByReferenceLeavesOnlyItsReference() throws Exception {
    Jobs.setClock("2023-07-04T09:00");
    mailUp();
    ContactJourney.Request request = journey.submit(OTHER, "05158028", "Kleinkleckersdorf");
    journey.runJobs();
    journey.documentsHandedIn(request, OTHER, "beschluss-kleinkleckersdorf.pdf");
    journey.runJobs();
    assertThat(journey.running(request)).isEqualTo(1);
    assertThat(scan.find(List.of(OTHER.email(), OTHER.name(), "Kleinkleckersdorf")))
        .allSatisfy((needle, where) -> assertThat(where).as(needle).isNotEmpty());

    HttpResponse<String> erased = new HttpSession(port).basic("demo", "demo").postJson(DataProtectionApi.ERASURE,
        ContactJourney.JSON.writeValueAsString(Map.of("reference", request.reference(),
            "reason", "Die Kommune zieht ihren Antrag zurück und bittet um Löschung.")));
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

    assertThat(journey.running(request)).isZero();
    assertThat(scan.find(List.of(OTHER.email(), OTHER.name(), OTHER.phone(), "Kleinkleckersdorf")))
        .allSatisfy((needle, where) -> assertThat(where).as(needle).isEmpty());
    assertThat(scan.find(List.of(request.reference())).get(request.reference())).extracting(String::toUpperCase)
        .as("the reference stays in the register and the audit trail only")
        .containsExactlyInAnyOrder("KKB_REQUEST.REFERENCE", "KKB_AUDIT.SUBJECT");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document WHERE reference = ?", Integer.class,
        request.reference())).isZero();
  }

  @Test
  void aContactsDataFromEveryStoreAsJsonAndPage() throws Exception {
    mailUp();
        ContactJourney.Request request = journey.submit(ASKING, "05999101", "Auskunftstadt");
    journey.runJobs();
    journey.documentsHandedIn(request, ASKING, "ratsbeschluss-auskunftstadt.pdf");
    journey.selectedAndAgreed(request, ASKING);
    int auditBefore = audits();

    HttpResponse<String> answer = new HttpSession(port).basic("steuerung", "demo")
        .get(DataProtectionApi.ACCESS + "?email=" + URLEncoder.encode(ASKING.email(), StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode report = ContactJourney.JSON.readTree(answer.body());
    assertThat(report.path("references")).extracting(JsonNode::asText).containsExactly(request.reference());
    // Process variables: the contact variables of the request, and the consultation's step record naming them.
    assertThat(variables(report, "ConsultationRequest")).containsEntry("contactName", ASKING.name())
        .containsEntry("contactEmail", ASKING.email()).containsEntry("contactPhone", ASKING.phone())
        .containsEntry("contactRole", ASKING.role());
    assertThat(variables(report, "Consultation").get("agreementRecord")).contains(ASKING.name(), ASKING.phone());
    // History: the variables as they were set, the form field, the comment, the failed-free job log.
    assertThat(report.path("history")).extracting(h -> h.path("kind").asText() + ":" + h.path("name").asText())
        .contains("Variable:contactEmail", "Variable:contactName", "Formularfeld:talkRecommendationNote",
            "Variable:agreementRecord")
        .anySatisfy(entry -> assertThat(entry).startsWith("Kommentar:"));
    // Notification log, documents (metadata and a download link), register.
    assertThat(report.path("notifications")).extracting(n -> n.path("recipient").asText()).contains(ASKING.email());
    assertThat(report.path("notifications")).extracting(n -> n.path("template").asText())
        .contains("request-received", "documents-missing", "selection-result");
    JsonNode document = report.path("documents").get(0);
    assertThat(document.path("fileName").asText()).isEqualTo("ratsbeschluss-auskunftstadt.pdf");
    assertThat(document.path("download").asText()).isEqualTo("/api/documents/" + document.path("id").asText());
    assertThat(document.has("content")).isFalse();
    assertThat(report.path("register").get(0).path("municipalityName").asText()).isEqualTo("Auskunftstadt");
    assertThat(report.path("register").get(0).has("accessTokenHash")).isFalse();
    assertThat(report.path("account").isNull()).isTrue();

    // The page, as programme management: the same stores, German, without an erasure form.
    HttpSession steuerung = new HttpSession(port).basic("steuerung", "demo");
    Document form = Jsoup.parse(steuerung.get(DataProtectionPage.PAGE).body());
    assertThat(form.select("html").attr("lang")).isEqualTo("de");
    assertThat(form.select("label[for=suche]").text()).isEqualTo("E-Mail-Adresse oder Aktenzeichen");
    HttpResponse<String> page = steuerung.postForm(DataProtectionPage.PAGE + "/auskunft",
        Map.of("suche", ASKING.email(), "_csrf", form.select("input[name=_csrf]").attr("value")));
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("h3").eachText()).extracting(h -> h.replaceAll(" \\(\\d+\\)", ""))
        .containsExactly("Vorgänge und Prozessvariablen", "Verlauf", "Benachrichtigungen", "Dokumente",
            "Anfrageregister", "Benutzerkonto");
    assertThat(html.select("#vorgaenge + table, section").text()).contains(ASKING.name(), ASKING.phone(),
        ASKING.email(), "ratsbeschluss-auskunftstadt.pdf", request.reference(), "Auskunftstadt");
    assertThat(html.select("a[href^=/api/documents/]")).hasSize(1);
    assertThat(html.select("#grund")).as("erasure is for admins").isEmpty();
    assertThat(new HttpSession(port).basic("demo", "demo").postForm(DataProtectionPage.PAGE + "/auskunft",
        Map.of("suche", ASKING.email())).statusCode()).as("without the form's token").isEqualTo(403);

    // By reference: every process of the request, the consultation's variables too.
    JsonNode byReference = ContactJourney.JSON.readTree(new HttpSession(port).basic("demo", "demo")
        .get(DataProtectionApi.ACCESS + "?reference=" + request.reference()).body());
    assertThat(byReference.path("processes")).extracting(p -> p.path("processKey").asText())
        .containsExactlyInAnyOrder("ConsultationRequest", "Consultation");
    assertThat(variables(byReference, "Consultation")).containsKeys("firstTalkRecord", "carrierGroup", "goal1");

    // The audit trail: three access requests, named by reference or by a hash of the address only.
    String hashed = "E-Mail sha256:" + DataSubject.hashPrefix(ASKING.email());
    List<Map<String, Object>> audit = jdbc.queryForList("SELECT user_id, subject, detail FROM kkb_audit "
        + "WHERE action = 'ACCESS_REQUEST' AND subject IN (?, ?)", hashed, request.reference());
    assertThat(audits()).isEqualTo(auditBefore + 3);
    assertThat(audit).extracting(row -> row.get("user_id") + " " + row.get("subject"))
        .containsExactlyInAnyOrder("steuerung " + hashed, "steuerung " + hashed, "demo " + request.reference());
    assertThat(audit).extracting(row -> (String) row.get("detail")).allSatisfy(detail -> assertThat(detail)
        .startsWith("Auskunft erteilt: Vorgänge"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_audit WHERE LOWER(subject) LIKE ? OR LOWER(detail) LIKE ?",
        Integer.class, "%" + ASKING.email() + "%", "%" + ASKING.email() + "%")).isZero();
  }

  @Test
  void aConsultantsAccountByTheirAddress() throws Exception {
    JsonNode report = ContactJourney.JSON.readTree(new HttpSession(port).basic("demo", "demo")
        .get(DataProtectionApi.ACCESS + "?email=" + URLEncoder.encode(email("k3b-ben"), StandardCharsets.UTF_8)).body());
    assertThat(report.path("account").path("id").asText()).isEqualTo("k3b-ben");
    assertThat(report.path("account").path("groups")).extracting(JsonNode::asText).contains("consultants-k3b");
    assertThat(report.path("counts").path("account").asInt()).isEqualTo(1);
  }

  @Test
  void consultantsAndStrangersAreRefused() {
    for (String consultant : List.of("fzfd-clara", "k3b-anna")) {
      HttpSession session = new HttpSession(port).basic(consultant, "demo");
      assertThat(session.get(DataProtectionApi.ACCESS + "?reference=KKB-2023-001").statusCode()).isEqualTo(403);
      assertThat(session.get(DataProtectionPage.PAGE).statusCode()).isEqualTo(403);
      assertThat(session.postForm(DataProtectionPage.PAGE + "/auskunft", Map.of("suche", "KKB-2023-001")).statusCode())
          .isEqualTo(403);
    }
    // An applicant's account of earlier versions (no group) is refused too; applicants have no account now.
    org.camunda.bpm.engine.IdentityService identity = platform.getBean(org.camunda.bpm.engine.IdentityService.class);
    String applicant = de.kkb.support.FormerApplicantAccount.create(identity);
    try {
      HttpSession session = new HttpSession(port).basic(applicant, de.kkb.support.FormerApplicantAccount.PASSWORD);
      assertThat(session.get(DataProtectionApi.ACCESS + "?reference=KKB-2023-001").statusCode()).isEqualTo(403);
      assertThat(session.get(DataProtectionPage.PAGE).statusCode()).isEqualTo(403);
    } finally {
      de.kkb.support.FormerApplicantAccount.delete(identity);
    }
    assertThat(new HttpSession(port).get(DataProtectionApi.ACCESS + "?reference=KKB-2023-001").statusCode()).isEqualTo(401);
    HttpResponse<String> neither = new HttpSession(port).basic("steuerung", "demo").get(DataProtectionApi.ACCESS);
    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(neither.body()).contains("Bitte genau eines angeben");
  }

  private String email(String userId) {
    return platform.getBean(org.camunda.bpm.engine.IdentityService.class).createUserQuery().userId(userId)
        .singleResult().getEmail();
  }

  private int audits() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM kkb_audit WHERE action = 'ACCESS_REQUEST'", Integer.class);
  }

  private static Map<String, String> variables(JsonNode report, String processKey) {
    Map<String, String> variables = new java.util.HashMap<>();
    for (JsonNode process : report.path("processes")) {
      if (process.path("processKey").asText().equals(processKey)) {
        process.path("variables").forEach(v -> variables.put(v.path("name").asText(), v.path("value").asText()));
      }
    }
    return variables;
  }

  @Test
  void aSelectedConsultationWithinItsRetentionPeriodIsNotErased() throws Exception {
    mailUp();
    ContactJourney.Request request = journey.submit(KEPT, "05999202", "Aufbewahrstadt");
    journey.runJobs();
    journey.documentsHandedIn(request, KEPT, "ratsbeschluss-aufbewahrstadt.pdf");
    journey.selectedAndAgreed(request, KEPT);
    Map<String, String> before = scan.fingerprint();

    HttpResponse<String> refused = new HttpSession(port).basic("demo", "demo").postJson(DataProtectionApi.ERASURE,
        ContactJourney.JSON.writeValueAsString(Map.of("reference", request.reference(),
            "reason", "Antrag der Kommune auf Löschung ihrer Anfrage")));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = ContactJourney.JSON.readTree(refused.body());
    assertThat(problem.path("title").asText()).isEqualTo("Löschung nicht möglich");
    String reason = "Die Anfrage " + request.reference() + " wurde ausgewählt; Anfrage und Beratung gehören zur "
        + "Förderdokumentation nach dem Zuwendungsrecht des Landes. Sie werden bis zum Ende der Aufbewahrungsfrist am "
        + "31.12.2030 aufbewahrt (Programmende 31.12.2025 plus 5 Jahre)";
    assertThat(problem.path("detail").asText()).startsWith(reason);
    assertThat(scan.fingerprint()).as("nothing changed").isEqualTo(before);

    // The page: the admin gives a reason, and is told why not, before any confirmation.
    HttpSession admin = new HttpSession(port).basic("demo", "demo");
    String token = Jsoup.parse(admin.get(DataProtectionPage.PAGE).body()).select("input[name=_csrf]").attr("value");
    HttpResponse<String> page = admin.postForm(DataProtectionPage.PAGE + "/loeschen", Map.of("suche", request.reference(),
        "grund", "Antrag der Kommune auf Löschung ihrer Anfrage", "_csrf", token));
    assertThat(page.statusCode()).isEqualTo(409);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("#problem").text()).contains(reason);
    assertThat(html.select("input[name=bestaetigt]")).as("no confirmation offered").isEmpty();
    HttpResponse<String> confirmed = admin.postForm(DataProtectionPage.PAGE + "/loeschen/bestaetigt", Map.of("suche",
        request.reference(), "grund", "Antrag der Kommune auf Löschung ihrer Anfrage", "bestaetigt", "ja", "_csrf", token));
    assertThat(confirmed.statusCode()).as("refused even when sent past the check").isEqualTo(409);
    assertThat(scan.fingerprint()).as("nothing changed").isEqualTo(before);

    // Without a reason, or as programme management, nothing happens either.
    HttpResponse<String> noReason = admin.postJson(DataProtectionApi.ERASURE,
        ContactJourney.JSON.writeValueAsString(Map.of("email", KEPT.email())));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Grund der Löschung");
    HttpSession steuerung = new HttpSession(port).basic("steuerung", "demo");
    assertThat(steuerung.postJson(DataProtectionApi.ERASURE, ContactJourney.JSON.writeValueAsString(Map.of(
        "email", KEPT.email(), "reason", "Antrag auf Löschung nach Art. 17"))).statusCode()).isEqualTo(403);
    String managementToken = Jsoup.parse(steuerung.get(DataProtectionPage.PAGE).body()).select("input[name=_csrf]").attr("value");
    assertThat(steuerung.postForm(DataProtectionPage.PAGE + "/loeschen", Map.of("suche", KEPT.email(),
        "grund", "Antrag auf Löschung nach Art. 17", "_csrf", managementToken)).statusCode()).isEqualTo(403);
    assertThat(scan.fingerprint()).as("nothing changed").isEqualTo(before);
    assertThat(journey.running(request)).isEqualTo(2);
  }

  @Test
  void anAccountIsErasedUnlessItsOwnerStillHasWork() throws Exception {
    org.camunda.bpm.engine.IdentityService identity = platform.getBean(org.camunda.bpm.engine.IdentityService.class);
    // The lead of the forumZFD consultations of this platform (selectedAndAgreed) keeps her account.
    mailUp();
    ContactJourney.Request request = journey.submit(new ContactJourney.Contact("Kontakt Kontenstadt",
        "kontakt@kontenstadt.example.org", "+49 221 1000-2000", "Hauptamt"), "05999405", "Kontenstadt");
    journey.runJobs();
    journey.documentsHandedIn(request, new ContactJourney.Contact("Kontakt Kontenstadt",
        "kontakt@kontenstadt.example.org", "+49 221 1000-2000", "Hauptamt"), "beschluss-kontenstadt.pdf");
    journey.selectedAndAgreed(request, new ContactJourney.Contact("Kontakt Kontenstadt",
        "kontakt@kontenstadt.example.org", "+49 221 1000-2000", "Hauptamt"));
    String lead = identity.createUserQuery().userId("fzfd-clara").singleResult().getEmail();
    HttpSession admin = new HttpSession(port).basic("demo", "demo");
    HttpResponse<String> refused = admin.postJson(DataProtectionApi.ERASURE, ContactJourney.JSON.writeValueAsString(
        Map.of("email", lead, "reason", "Die Beraterin hat den Träger verlassen.")));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("Federführung", "fzfd-clara");
    assertThat(identity.createUserQuery().userId("fzfd-clara").count()).isEqualTo(1);

    // A colleague without open work: account, memberships, settings and grants go.
    String email = identity.createUserQuery().userId("k3b-anna").singleResult().getEmail();
    identity.setUserInfo("k3b-anna", "kkb-benachrichtigung", "sofort");
    HttpResponse<String> erased = admin.postJson(DataProtectionApi.ERASURE, ContactJourney.JSON.writeValueAsString(
        Map.of("email", email, "reason", "Die Beraterin hat den Träger verlassen.")));
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(ContactJourney.JSON.readTree(erased.body()).path("erased").path(Erasures.ACCOUNT).asInt()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("k3b-anna").count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ?", Integer.class, "k3b-anna")).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_INFO WHERE USER_ID_ = ?", Integer.class, "k3b-anna")).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE USER_ID_ = ?", Integer.class, "k3b-anna")).isZero();
    assertThat(scan.find(List.of(email)).get(email)).as("the address is nowhere").isEmpty();
  }
}
