package de.kkb.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.kkb.deadline.WorkingDayCalendar;
import de.kkb.notification.SendNotificationJobHandler;
import de.kkb.support.FreePort;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformNodes;
import de.kkb.support.PostgresDatabases;
import de.kkb.vocabulary.DeadlineWatchProcess;
import de.kkb.vocabulary.ProgrammeRoundProcess;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two nodes whose job executors compete for the same jobs: the morning round (deadline watch and
 * daily digest), the programme round's interim-report timer and the notices they and the intake
 * cause run once in total, and every mail reaches the mail server once. The nodes' engine clocks
 * are their wall clocks, so the work is made due in the database: tasks overdue for weeks, the two
 * timers due a minute ago.
 */
@Tag("postgres")
class ClusterJobsTest {

  /** Giving up on jobs that never finish (a hang, not a speed limit). */
  private static final Duration QUIET_LIMIT = Duration.ofMinutes(5);
  private static final int REQUESTS = 3;

  @Test
  void theMorningRoundTheInterimReportTimerAndEveryNoticeRunOnceAcrossTwoNodes() throws Exception {
    int smtpPort = FreePort.find();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    String url = PostgresDatabases.fresh("kkb_cluster_jobs");
    SingleConnectionDataSource connection = new SingleConnectionDataSource(url, PostgresDatabases.USER,
        PostgresDatabases.PASSWORD, true);
    JdbcTemplate db = new JdbcTemplate(connection);
    try (PlatformNodes cluster = PlatformNodes.start("cluster-jobs", 2, url, List.of("postgres"),
        List.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
            // The demo round, moved into the present: its call for applications is open today.
            "kkb.programme.shift-to-today=true",
            // The engine's host name, written to the job log: which node ran which job.
            "camunda.bpm.generic-properties.properties.hostname=node-" + PlatformNodes.NODE))) {
      for (int i = 0; i < REQUESTS; i++) {
        HttpSession node = cluster.node(i % 2).http();
        HttpResponse<String> created = node.postJson("/api/consultation-requests", request(i));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      }
      // The requests' first tasks, overdue for four weeks: past the grace period, so escalated.
      Instant now = Instant.now();
      int overdue = db.update("UPDATE act_ru_task SET due_date_ = ?, follow_up_date_ = ?",
          Timestamp.from(now.minus(Duration.ofDays(28))), Timestamp.from(now.minus(Duration.ofDays(30))));
      assertThat(overdue).isEqualTo(REQUESTS);
      // The morning round and the programme round's quarter timer, due a minute ago.
      int timers = db.update("UPDATE act_ru_job SET duedate_ = ? WHERE handler_type_ = 'timer-start-event' "
              + "AND process_def_key_ = ?",
          Timestamp.from(now.minus(Duration.ofMinutes(1))), DeadlineWatchProcess.KEY);
      int quarter = db.update("UPDATE act_ru_job SET duedate_ = ? WHERE process_def_key_ = ? "
              + "AND job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'StartEvent_QuarterPassed')",
          Timestamp.from(now.minus(Duration.ofMinutes(1))), ProgrammeRoundProcess.KEY);
      assertThat(timers + quarter).as("timers made due").isGreaterThanOrEqualTo(2);
      List<String> dueTimers = db.queryForList("SELECT id_ FROM act_ru_job WHERE duedate_ < ?",
          String.class, Timestamp.from(now));

      awaitQuiet(db, dueTimers);

      // Every timer made due ran once, on one node.
      for (String timer : dueTimers) {
        assertThat(db.queryForObject("SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2",
            Integer.class, timer)).as("successful runs of timer " + timer).isEqualTo(1);
      }
      // The engine's history cleanup is one job rescheduled in place (same id) while the nightly window
      // lasts, so it is left out; every other job must have succeeded once.
      assertThat(db.queryForList("SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 "
          + "AND job_def_type_ <> 'history-cleanup' GROUP BY job_id_ HAVING COUNT(*) > 1", String.class))
          .as("jobs run twice").isEmpty();
      assertThat(db.queryForList("SELECT job_exception_msg_ FROM act_hi_job_log WHERE job_state_ = 1",
          String.class)).as("failed job runs").isEmpty();

      // Both job executors competed; how the jobs fell to the nodes varies from run to run.
      System.out.println("Jobs run per node: " + db.queryForList(
          "SELECT hostname_, COUNT(*) AS jobs FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY hostname_"));

      // Every notice was sent once and arrived once.
      List<Map<String, Object>> notices = db.queryForList("SELECT id, template, status FROM kkb_notification");
      assertThat(notices).extracting(n -> n.get("status")).containsOnly("SENT");
      assertThat(notices).extracting(n -> n.get("template")).as("notices")
          .contains("request-received");
      if (new WorkingDayCalendar().isWorkingDay(LocalDate.now(ZoneId.of("Europe/Berlin")))) {
        // The morning round mails only on working days in NRW.
        assertThat(notices).extracting(n -> n.get("template")).contains("task-escalation", "daily-digest");
      }
      assertThat(db.queryForObject("SELECT COUNT(*) FROM act_hi_job_log WHERE job_def_type_ = ? "
              + "AND job_state_ = 2", Integer.class, SendNotificationJobHandler.TYPE))
          .as("successful sending jobs").isEqualTo(notices.size());
      Map<String, Integer> arrived = new HashMap<>();
      for (MimeMessage mail : smtp.getReceivedMessages()) {
        arrived.merge(mail.getHeader("X-KKB-Notification-Id", null), 1, Integer::sum);
      }
      List<String> sent = new ArrayList<>();
      notices.forEach(n -> sent.add(n.get("id").toString()));
      assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(sent);
      assertThat(arrived).allSatisfy((id, copies) -> assertThat(copies).as("copies of " + id).isEqualTo(1));
    } finally {
      connection.destroy();
      smtp.stop();
    }
  }

  /** Waits until the timers ran and no job is due or running, and no notice is still pending. */
  private static void awaitQuiet(JdbcTemplate db, List<String> timers) throws InterruptedException {
    long deadline = System.nanoTime() + QUIET_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      Timestamp now = Timestamp.from(Instant.now());
      int timersLeft = 0;
      for (String timer : timers) {
        timersLeft += db.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE id_ = ?", Integer.class, timer);
      }
      int due = db.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 "
          + "AND (duedate_ IS NULL OR duedate_ <= ?)", Integer.class, now);
      int pending = db.queryForObject("SELECT COUNT(*) FROM kkb_notification WHERE status = 'PENDING'",
          Integer.class);
      if (timersLeft == 0 && due == 0 && pending == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("jobs still due after " + QUIET_LIMIT + ": "
        + db.queryForList("SELECT id_, handler_type_, duedate_, retries_, exception_msg_ FROM act_ru_job"));
  }

  private static String request(int i) {
    String[] towns = {"Clusterstadt", "Knotenheim", "Lastverteil"};
    return """
        {"municipalityName": "%s", "municipalityKind": "STADT", "ags": "0599900%d",
         "population": 12000, "contactName": "Carla Cluster", "contactRole": "Büro",
         "contactEmail": "carla@%s.example.org", "commissionedByAdministrationHead": true,
         "conflictDescription": "Seit dem Umbau des Marktplatzes streiten Verwaltung, Händler und Anwohnende.",
         "desiredStart": "%s"}""".formatted(towns[i], i + 1, towns[i].toLowerCase(),
        LocalDate.now().plusMonths(3));
  }
}
