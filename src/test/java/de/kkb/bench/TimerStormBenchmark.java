package de.kkb.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.kkb.notification.Notices;
import de.kkb.platform.EngineClock;
import de.kkb.support.FreePort;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 3: a storm of due reminder jobs. The reminders are queued the way the daily deadline
 * watch queues them ({@link Notices#toUser}: rendered, logged, one send job each) while the job
 * executor is stopped; then the job executor, configured as in production, works them off against a
 * real SMTP server (GreenMail). Counts jobs per second and notifications that arrived twice.
 */
public final class TimerStormBenchmark {

  /**
   * @param remindersReceived the queued reminders whose notification id reached the mail server
   *     (at least once), counted from the server's mails against the log's ids
   */
  public record Result(int jobs, double jobsPerSecond, int mailsReceived, int sentTwice, long logSent,
      int remindersReceived) {
  }

  static final int CONSULTANTS = 100;

  private TimerStormBenchmark() {
  }

  /** Starts the platform with the given profiles against its own SMTP server, and runs the storm. */
  public static Result run(List<String> profiles, int reminders, String... properties) throws Exception {
    try (Smtp smtp = smtp();
        ConfigurableApplicationContext platform = PlatformStarter.start(profiles, smtp.platformProperties(properties))) {
      return storm(platform, smtp.server(), reminders);
    }
  }

  /** A GreenMail SMTP server on a free port, stopped when closed. */
  public record Smtp(GreenMail server) implements AutoCloseable {

    public int port() {
      return server.getSmtp().getPort();
    }

    /**
     * The given properties, with mail to this server and the job executor on (as in production)
     * unless they say otherwise. HELO, not EHLO: GreenMail answers EHLO in several small writes,
     * which Nagle's algorithm and delayed ACKs stretch to about 40 ms a connection (measured), an
     * artefact of the test server that would otherwise be the whole figure.
     */
    public String[] platformProperties(String... properties) {
      List<String> all = new ArrayList<>(List.of(properties));
      all.addAll(List.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + port(),
          "spring.mail.properties.mail.smtp.ehlo=false"));
      if (all.stream().noneMatch(p -> p.startsWith("camunda.bpm.job-execution.enabled="))) {
        all.add("camunda.bpm.job-execution.enabled=true");
      }
      return all.toArray(String[]::new);
    }

    @Override
    public void close() {
      server.stop();
    }
  }

  public static Smtp smtp() {
    GreenMail server = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return new Smtp(server);
  }

  static Result storm(ConfigurableApplicationContext platform, GreenMail smtp, int reminders) {
    ProcessEngineConfigurationImpl engine = ((ProcessEngineImpl) platform.getBean(ProcessEngine.class))
        .getProcessEngineConfiguration();
    ManagementService management = platform.getBean(ManagementService.class);
    JdbcTemplate jdbc = platform.getBean(JdbcTemplate.class);
    Notices notices = platform.getBean("notices", Notices.class);
    JobExecutor jobExecutor = engine.getJobExecutor();
    jobExecutor.shutdown();
    queueReminders(engine, notices, reminders);
    // The storm's own jobs, by their notices' ids: other jobs of the engine come and go meanwhile.
    Set<String> stormIds = new HashSet<>(jdbc.queryForList(
        "SELECT id FROM kkb_notification WHERE template = 'task-reminder'", String.class));
    long queued = management.createJobQuery().list().stream()
        .filter(job -> stormIds.contains(((JobEntity) job).getJobHandlerConfigurationRaw())).count();
    if (queued != reminders) {
      throw new IllegalStateException(queued + " jobs queued instead of " + reminders);
    }
    long start = System.nanoTime();
    jobExecutor.start();
    Jobs.awaitJobExecutor(management, Duration.ofMinutes(5));
    double seconds = (System.nanoTime() - start) / 1e9;
    MimeMessage[] received = smtp.getReceivedMessages();
    Set<String> ids = new HashSet<>();
    int twice = 0;
    for (MimeMessage mail : received) {
      try {
        if (!ids.add(mail.getHeader("X-KKB-Notification-Id")[0])) {
          twice++;
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    Long sent = jdbc.queryForObject(
        "SELECT COUNT(*) FROM kkb_notification WHERE template = 'task-reminder' AND status = 'SENT'", Long.class);
    Set<String> reminderIds = new HashSet<>(jdbc.queryForList(
        "SELECT id FROM kkb_notification WHERE template = 'task-reminder'", String.class));
    reminderIds.retainAll(ids);
    return new Result(reminders, reminders / seconds, received.length, twice, sent == null ? 0 : sent,
        reminderIds.size());
  }

  /** Reminders for as many open tasks, 500 to a transaction, as the deadline watch queues them. */
  static void queueReminders(ProcessEngineConfigurationImpl engine, Notices notices, int reminders) {
    Date due = Date.from(ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), EngineClock.BERLIN)
        .plusDays(2).toInstant());
    for (int from = 0; from < reminders; from += 500) {
      int first = from;
      int last = Math.min(reminders, from + 500);
      engine.getCommandExecutorTxRequired().execute(context -> {
        for (int i = first; i < last; i++) {
          // A nationwide programme's consultants: a hundred people with many tasks each.
          UserEntity user = new UserEntity("berater-" + i % CONSULTANTS);
          user.setFirstName("Berater");
          user.setLastName("Nr. " + i % CONSULTANTS);
          user.setEmail("berater-" + i % CONSULTANTS + "@k3b.example.org");
          String reference = LifecycleBenchmark.nextReference();
          notices.toUser(user, "task-reminder", reference, null, "storm-" + i + "|reminder",
              notices.taskModel(Map.of("municipalityName", "Sturmstadt " + i, "reference", reference),
                  "storm-" + i, "Konfliktanalyse schreiben", due));
        }
        return null;
      });
    }
  }
}
