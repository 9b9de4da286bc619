package de.kkb.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.kkb.notification.DigestPreference;
import de.kkb.notification.NoticePreferences;
import de.kkb.notification.NotificationLog;
import de.kkb.support.FreePort;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.support.PostgresDatabases;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A notice whose database connection is lost right after the mail server took it: the platform's
 * connections are really terminated on the PostgreSQL server, from a hook behind the SMTP send.
 */
@Tag("postgres")
@Tag("own-jvm")
class NotificationConnectionLossTest {

  static final String DATABASE = "kkb_faults_mail";
  static final String ANNA = "anna.kramer@k3b.example.org";

  /** Runs right after each SMTP conversation that the server accepted. */
  static volatile Runnable afterSend = () -> { };
  static volatile int smtpPort;

  GreenMail smtp;
  ConfigurableApplicationContext platform;
  ManagementService management;
  JdbcTemplate jdbc;

  @BeforeEach
  void start() {
    smtpPort = FreePort.find();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    String url = PostgresDatabases.fresh(DATABASE);
    platform = PlatformStarter.start(List.of(HookedMailSender.class), List.of("test", "postgres"),
        "KKB_DB_URL=" + url);
    management = platform.getBean(ManagementService.class);
    jdbc = platform.getBean(JdbcTemplate.class);
    platform.getBean(NoticePreferences.class).set("k3b-anna", DigestPreference.IMMEDIATE);
    Jobs.setClock("2024-03-01T09:00");
  }

  @AfterEach
  void stop() {
    afterSend = () -> { };
    ClockUtil.reset();
    platform.close();
    smtp.stop();
  }

  @Test
  void theConnectionDropsBetweenTheSendAndTheLogAndTheNoticeIsStillSentOnce() throws Exception {
    String notice = noticeToAnna("KKB-2024-301");
    afterSend = () -> assertThat(terminatePlatformConnections()).as("connections really dropped").isPositive();

    // The job's own connection is gone: its transaction cannot commit; the engine retries the job.
    try {
      management.executeJob(job(notice).getId());
    } catch (RuntimeException expected) {
      // the job's transaction met the dropped connection
    }
    afterSend = () -> { };
    assertThat(logRow(notice)).as("recorded on a fresh connection right after the send")
        .containsEntry("status", NotificationLog.SENT).containsEntry("attempts", 1);

    runEverythingDue();
    List<MimeMessage> copies = copiesOf(notice);
    assertThat(copies).hasSize(1);
    assertThat(copies.get(0).getMessageID()).isEqualTo("<" + notice + "@kkb.example.org>");
    assertThat(logRow(notice)).containsEntry("status", NotificationLog.SENT).containsEntry("attempts", 1);
    assertThat(jobsOf(notice)).as("the retried job found the notice sent").isEmpty();
  }

  @Test
  void aNodeThatDiesBetweenTheSendAndTheLogCausesOneMoreCopyWithTheSameMessageId() throws Exception {
    String notice = noticeToAnna("KKB-2024-302");
    afterSend = () -> {
      throw new NodeDied();
    };
    assertThatThrownBy(() -> management.executeJob(job(notice).getId())).isNotNull();
    afterSend = () -> { };
    assertThat(logRow(notice)).as("the try was recorded before the mail server was contacted")
        .containsEntry("status", NotificationLog.SENDING).containsEntry("attempts", 1);

    runEverythingDue();
    List<MimeMessage> copies = copiesOf(notice);
    assertThat(copies).hasSize(2);
    assertThat(copies).extracting(MimeMessage::getMessageID).containsOnly("<" + notice + "@kkb.example.org>");
    assertThat(logRow(notice)).containsEntry("status", NotificationLog.SENT).containsEntry("attempts", 2);
  }

  /** A consultation whose first task is announced to Anna at once; returns the notice's id. */
  String noticeToAnna(String reference) {
    platform.getBean(RuntimeService.class).startProcessInstanceByKey("Consultation", Map.of("reference",
        reference, "municipalityName", "Rheinstadt", "carrierGroup", "consultants-k3b", "consultantTeam", "Team"));
    return jdbc.queryForObject("SELECT id FROM kkb_notification WHERE recipient = ? AND business_key = ?",
        String.class, ANNA, reference);
  }

  /** Every job due within the retry waits, as the job executor would run them. */
  void runEverythingDue() {
    Jobs.setClock("2024-03-01T10:30");
    Jobs.runDueJobs(management);
  }

  Job job(String notice) {
    return jobsOf(notice).stream().findFirst().orElseThrow();
  }

  List<Job> jobsOf(String notice) {
    return management.createJobQuery().list().stream()
        .filter(j -> notice.equals(((JobEntity) j).getJobHandlerConfigurationRaw())).toList();
  }

  Map<String, Object> logRow(String notice) {
    return jdbc.queryForMap("SELECT status, attempts FROM kkb_notification WHERE id = ?", notice);
  }

  List<MimeMessage> copiesOf(String notice) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        String[] ids = message.getHeader("X-KKB-Notification-Id");
        return ids != null && notice.equals(ids[0]);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** pg_terminate_backend of every connection of the platform's database; returns how many. */
  static int terminatePlatformConnections() {
    try (Connection admin = DriverManager.getConnection(PostgresDatabases.url("postgres"),
        PostgresDatabases.USER, PostgresDatabases.PASSWORD);
        Statement sql = admin.createStatement();
        ResultSet terminated = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + PostgresDatabases.PREFIX + DATABASE + "' AND pid <> pg_backend_pid()")) {
      // In the select list, not the condition: a condition may be evaluated for any row first.
      int count = 0;
      while (terminated.next()) {
        count += terminated.getBoolean(1) ? 1 : 0;
      }
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a killed node leaves: nothing after the send runs. */
  static class NodeDied extends Error {
  }

  /** The platform's mail sender, with {@link #afterSend} behind each accepted SMTP conversation. */
  static class HookedMailSender {

    @Bean
    JavaMailSender javaMailSender() {
      JavaMailSenderImpl sender = new JavaMailSenderImpl() {
        @Override
        protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
          super.doSend(mimeMessages, originalMessages);
          afterSend.run();
        }
      };
      sender.setHost("127.0.0.1");
      sender.setPort(smtpPort);
      return sender;
    }
  }
}
