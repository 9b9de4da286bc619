package de.kkb.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import de.kkb.support.FreePort;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notifications against a real SMTP server (GreenMail) that refuses connections while it is
 * stopped: retries, incidents, and never a notice twice.
 */
@Tag("own-jvm")
class NotificationDeliveryTest {

  static final ObjectMapper JSON = new ObjectMapper();

  int smtpPort;
  GreenMail smtp;
  ConfigurableApplicationContext platform;
  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;
  JdbcTemplate jdbc;

  @BeforeEach
  void startPlatformWithMail() throws Exception {
    smtpPort = FreePort.find();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    platform = PlatformStarter.start(List.of("test"), "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + smtpPort, "spring.mail.properties.mail.smtp.connectiontimeout=2000");
    runtime = platform.getBean(RuntimeService.class);
    tasks = platform.getBean(TaskService.class);
    management = platform.getBean(ManagementService.class);
    jdbc = platform.getBean(JdbcTemplate.class);
    // These tests follow single notices: the K3B consultants want each task at once.
    for (String consultant : List.of("k3b-anna", "k3b-ben")) {
      platform.getBean(NoticePreferences.class).set(consultant, DigestPreference.IMMEDIATE);
    }
    Jobs.setClock("2024-03-01T09:00");
  }

  @AfterEach
  void stop() {
    ClockUtil.reset();
    smtp.stop();
    platform.close();
  }

  @Test
  void aServerThatRefusesThreeTimesGetsTheNoticeOnce() throws Exception {
    String consultation = startConsultation("KKB-2024-201");
    Job notice = noticeJob("anna.kramer@k3b.example.org", "task-created");

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(notice.getId()))
          .hasMessageContaining("konnte nicht versendet werden");
    }
    assertThat(row(notice).get("ATTEMPTS")).isEqualTo(3);
    assertThat(row(notice).get("STATUS")).isEqualTo("PENDING");

    smtp.start();
    management.executeJob(notice.getId());
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("anna.kramer@k3b.example.org");
    assertThat(received[0].getSubject())
        .isEqualTo("Neue Aufgabe: Erstgespräch mit der Verwaltungsspitze führen – Rheinstadt");
    assertThat(GreenMailUtil.getBody(received[0])).contains("KKB-2024-201");
    assertThat(row(notice).get("STATUS")).isEqualTo("SENT");
    assertThat(row(notice).get("ATTEMPTS")).isEqualTo(4);

    // The same notification once more, as a re-run or a duplicated job would do: nothing is sent.
    String id = ((JobEntity) notice).getJobHandlerConfigurationRaw();
    ProcessEngineConfigurationImpl engine = platform.getBean(ProcessEngineConfigurationImpl.class);
    engine.getCommandExecutorTxRequired().execute(context -> {
      MessageEntity again = new MessageEntity();
      again.setJobHandlerType(SendNotificationJobHandler.TYPE);
      again.setJobHandlerConfiguration(new SendNotificationJobHandler.Configuration(id));
      context.getJobManager().send(again);
      return null;
    });
    Job rerun = management.createJobQuery().list().stream()
        .filter(j -> id.equals(((JobEntity) j).getJobHandlerConfigurationRaw())).findFirst().orElseThrow();
    management.executeJob(rerun.getId());
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(received[0].getMessageID()).as("derived from the notice's stable id, the same for every copy")
        .isEqualTo("<" + id + "@kkb.example.org>");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(consultation).count()).isEqualTo(1);
  }

  @Test
  void aServerThatRefusesEveryAttemptLeavesAnIncidentAndTheTaskCompleted() throws Exception {
    String consultation = startConsultation("KKB-2024-202");
    String firstTalk = tasks.createTaskQuery().processInstanceId(consultation).singleResult().getId();
    tasks.complete(firstTalk, Map.of("firstTalkDate", "2024-03-01",
        "administrationHeadRole", "BUERGERMEISTER", "firstTalkParticipants", 3));
    Job notice = noticeJob("ben.boehm@k3b.example.org", "task-created", "Kooperationsvereinbarung");

    long[] waits = new long[5];
    for (int attempt = 0; attempt < 10 && management.createJobQuery().jobId(notice.getId())
        .singleResult().getRetries() > 0; attempt++) {
      long before = ClockUtil.getCurrentTime().getTime();
      assertThatThrownBy(() -> management.executeJob(notice.getId())).isNotNull();
      waits[attempt] = management.createJobQuery().jobId(notice.getId()).singleResult().getDuedate()
          .getTime() - before;
    }
    assertThat(row(notice).get("ATTEMPTS")).as("five tries").isEqualTo(5);
    assertThat(waits).as("minutes until the next try")
        .containsExactly(5 * 60_000L, 10 * 60_000L, 15 * 60_000L, 30 * 60_000L, waits[4]);

    HttpResponse<String> incidents = new HttpSession(PlatformStarter.port(platform)).basic("demo", "demo")
        .get("/engine-rest/incident?incidentType=failedJob");
    assertThat(incidents.statusCode()).isEqualTo(200);
    JsonNode incident = JSON.readTree(incidents.body()).get(0);
    assertThat(incident.path("configuration").asText()).isEqualTo(notice.getId());
    String id = ((JobEntity) notice).getJobHandlerConfigurationRaw();
    String subject = jdbc.queryForObject("SELECT subject FROM kkb_notification WHERE id = ?", String.class, id);
    // Personal data stay in the notification log: the incident, the job's error and its stack trace
    // name the notice by id and template only.
    assertThat(incident.path("incidentMessage").asText()).contains("konnte nicht versendet werden")
        .contains(id).contains("task-created").doesNotContain("ben.boehm").doesNotContain(subject);
    assertThat(management.getJobExceptionStacktrace(notice.getId())).contains(id)
        .doesNotContain("ben.boehm").doesNotContain("@k3b.example.org").doesNotContain(subject);
    assertThat(row(notice).get("STATUS")).isEqualTo("PENDING");
    assertThat(platform.getBean(HistoryService.class).createHistoricTaskInstanceQuery()
        .taskId(firstTalk).finished().count()).as("the task that caused it stays completed").isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    HttpResponse<String> log = new HttpSession(PlatformStarter.port(platform)).basic("steuerung", "demo")
        .get("/api/notifications?businessKey=KKB-2024-202");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(log.body()).findValuesAsText("recipient")).contains("ben.boehm@k3b.example.org");
    assertThat(new HttpSession(PlatformStarter.port(platform)).get("/api/notifications?businessKey=KKB-2024-202")
        .statusCode()).isEqualTo(401);
    assertThat(new HttpSession(PlatformStarter.port(platform)).basic("k3b-anna", "demo")
        .get("/api/notifications?businessKey=KKB-2024-202").statusCode()).isEqualTo(403);
  }

  String startConsultation(String reference) {
    return runtime.startProcessInstanceByKey("Consultation", Map.of("reference", reference,
        "municipalityName", "Rheinstadt", "carrierGroup", "consultants-k3b", "consultantTeam", "Team"))
        .getId();
  }

  Job noticeJob(String recipient, String template, String... subjectContains) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT id, subject FROM kkb_notification WHERE recipient = ? AND template = ? ORDER BY created_at",
        recipient, template);
    String id = rows.stream().filter(r -> List.of(subjectContains).stream()
            .allMatch(part -> r.get("SUBJECT").toString().contains(part)))
        .reduce((a, b) -> b).orElseThrow().get("ID").toString();
    return management.createJobQuery().list().stream()
        .filter(j -> id.equals(((JobEntity) j).getJobHandlerConfigurationRaw())).findFirst().orElseThrow();
  }

  Map<String, Object> row(Job job) {
    return jdbc.queryForMap("SELECT status, attempts FROM kkb_notification WHERE id = ?",
        ((JobEntity) job).getJobHandlerConfigurationRaw());
  }
}
