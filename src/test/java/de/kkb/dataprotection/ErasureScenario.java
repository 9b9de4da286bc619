package de.kkb.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure, on a platform of its own with a mail server (GreenMail) that is down for the first notice,
 * so that a job log and a job carry a failure message: after erasing a contact, a scan of every text
 * and binary column of every table finds their e-mail address, name and phone number nowhere, while
 * their request and consultation run on with the contact anonymised and nothing is mailed to them;
 * after erasing a request by reference, nothing of it is left but its reference. The H2 and the
 * PostgreSQL variant differ only in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ErasureScenario {

  static final ContactJourney.Contact CONTACT = new ContactJourney.Contact("Hiltrud Quandt-Erasmus",
      "h.quandt-erasmus@bahnhofstadt.example.org", "+49 2102 5550-4711", "Büro des Bürgermeisters");
  static final ContactJourney.Contact OTHER = new ContactJourney.Contact("Gerlinde Wachtelmeyer",
      "g.wachtelmeyer@kleinkleckersdorf.example.org", "0211 7770-0815", "Ordnungsamt");

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
    assertThat(smtp.getReceivedMessages()).extracting(ErasureScenario::recipient).contains(CONTACT.email());
    assertThat(journey.running(request)).as("request and consultation").isEqualTo(2);

    // So that the scan means something: before, the person is in every kind of store.
    Map<String, List<String>> before = scan.find(CONTACT.identifiers());
    assertThat(String.join(" ", before.get(CONTACT.email())).toUpperCase()).contains("ACT_RU_VARIABLE.TEXT_",
        "ACT_HI_DETAIL.TEXT_", "ACT_HI_VARINST.TEXT_", "KKB_NOTIFICATION.RECIPIENT", "ACT_HI_JOB_LOG.JOB_EXCEPTION_MSG_",
        "ACT_GE_BYTEARRAY.BYTES_");
    assertThat(String.join(" ", before.get(CONTACT.name())).toUpperCase()).contains("ACT_GE_BYTEARRAY.BYTES_",
        "ACT_HI_COMMENT", "KKB_NOTIFICATION.BODY_TEXT", "ACT_HI_VARINST.TEXT_");
    assertThat(before.get(CONTACT.phone())).isNotEmpty();
    int mailsBefore = smtp.getReceivedMessages().length;

    HttpResponse<String> erased = new HttpSession(port).basic("demo", "demo").postJson(DataProtectionApi.ERASURE,
        ContactJourney.JSON.writeValueAsString(Map.of("email", CONTACT.email().toUpperCase(),
            "reason", "Antrag von " + CONTACT.name() + " auf Löschung nach Art. 17 DSGVO vom 03.07.2023")));
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonNode result = ContactJourney.JSON.readTree(erased.body());
    for (String store : List.of(Erasures.VARIABLES, Erasures.HISTORY, Erasures.FORM_FIELDS, Erasures.COMMENTS,
        Erasures.ENGINE_MESSAGES, Erasures.NOTIFICATIONS)) {
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
        .map(ErasureScenario::recipient).toList();
    assertThat(since).doesNotContain(CONTACT.email(), ErasedContact.EMAIL);
    assertThat(scan.find(CONTACT.identifiers())).allSatisfy((needle, where) -> assertThat(where).as(needle).isEmpty());

    // The audit trail says what was erased, under a hash of the address, without the data.
    List<Map<String, Object>> audit = jdbc.queryForList("SELECT user_id, subject, detail FROM kkb_audit WHERE action = ?",
        "ERASURE");
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
}
