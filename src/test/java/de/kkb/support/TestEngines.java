package de.kkb.support;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.kkb.consultation.ConsultationProperties;
import de.kkb.consultation.ConsultationSchedule;
import de.kkb.consultation.ConsultationStart;
import de.kkb.consultation.MeasurePlan;
import de.kkb.consultation.PhaseTracker;
import de.kkb.deadline.DeadlineProperties;
import de.kkb.deadline.DueDateCalculator;
import de.kkb.deadline.TaskDeadlines;
import de.kkb.deadline.WorkingDayCalendar;
import de.kkb.intake.IntakeProperties;
import de.kkb.notification.Mailer;
import de.kkb.notification.MailTemplates;
import de.kkb.notification.NotificationLog;
import de.kkb.notification.NotificationPlugin;
import de.kkb.notification.NotificationProperties;
import de.kkb.notification.NotificationRetries;
import de.kkb.notification.Notices;
import de.kkb.notification.SendNotificationJobHandler;
import de.kkb.platform.UserTaskListeners;
import de.kkb.platform.UserTaskListenersConfiguration;
import de.kkb.intake.IntakeSchedule;
import de.kkb.intake.RequestRegister;
import de.kkb.intake.RequestStatusTracker;
import de.kkb.programme.InterimReports;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.programme.ProgrammeNotices;
import de.kkb.programme.ProgrammeProperties;
import de.kkb.programme.RoundRegister;
import de.kkb.programme.RoundStatus;
import de.kkb.selection.Places;
import de.kkb.selection.WaitingList;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.unit.DataSize;

/**
 * A standalone in-memory engine for process tests (with coverage recording), with the platform's
 * real beans, our own tables migrated by Flyway, and the source round's programme period
 * (2023-06-01 to 2025-12-31, four places).
 */
public final class TestEngines {

  public static final ProgrammeProperties SOURCE_ROUND = ProgrammeProperties.sourceRound();

  private TestEngines() {
  }

  public static ProcessEngineConfiguration processTestConfiguration() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    // The coverage variant registers the listeners that camunda-process-test-coverage reads.
    ProcessCoverageInMemProcessEngineConfiguration config =
        new ProcessCoverageInMemProcessEngineConfiguration();
    config.setProcessEngineName("process-test-" + UUID.randomUUID());
    config.setJdbcUrl(url);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setFailedJobRetryTimeCycle("PT5M,PT10M,PT15M,PT30M");
    config.setDefaultSerializationFormat("application/json");
    config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    config.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    DriverManagerDataSource dataSource = migratedDataSource(url);
    Map<Object, Object> beans = beans(new JdbcTemplate(dataSource));
    // Notifications go to the log (no mail server), through the real log and sending job.
    NotificationLog log = new NotificationLog(new JdbcTemplate(dataSource));
    NotificationProperties mail = new NotificationProperties("kkb@example.org", "http://localhost:8080");
    NotificationRetries retries = new NotificationRetries(mail.retryIntervals());
    Notices notices = new Notices(log, new MailTemplates(), lazyIdentityService(config), mail,
        retries.initialRetries());
    config.getProcessEnginePlugins().add(new NotificationPlugin(new SendNotificationJobHandler(log,
        new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), mail),
        new DataSourceTransactionManager(dataSource)), retries));
    config.getProcessEnginePlugins().add(new UserTaskListeners(UserTaskListenersConfiguration.of(
        (TaskListener) beans.get("taskDeadlines"), notices)));
    beans.put("notices", notices);
    beans.put("applicantNotices", new de.kkb.intake.ApplicantNotices(notices,
        (RequestStatusTracker) beans.get("requestStatusTracker")));
    ProgrammeCalendar programme = (ProgrammeCalendar) beans.get("programmeCalendar");
    beans.put("programmeNotices", new ProgrammeNotices(notices, programme));
    beans.put("interimReports", new InterimReports(programme,
        new ConsultationProperties(Period.ofMonths(6), Period.ofMonths(3))));
    config.setBeans(beans);
    return config;
  }

  /** The identity service of the engine being built, looked up when a notice first needs it. */
  static IdentityService lazyIdentityService(ProcessEngineConfigurationImpl config) {
    return (IdentityService) java.lang.reflect.Proxy.newProxyInstance(
        IdentityService.class.getClassLoader(), new Class<?>[] {IdentityService.class},
        (proxy, method, args) -> {
          try {
            return method.invoke(config.getIdentityService(), args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  static DriverManagerDataSource migratedDataSource(String url) {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load()
        .migrate();
    return dataSource;
  }

  static Map<Object, Object> beans(JdbcTemplate jdbc) {
    Map<Object, Object> beans = new HashMap<>();
    ProgrammeCalendar programme = new ProgrammeCalendar(SOURCE_ROUND, LocalDate.of(2023, 6, 1));
    RoundRegister rounds = new RoundRegister(jdbc, programme);
    rounds.afterSingletonsInstantiated();
    beans.put("programmeCalendar", programme);
    beans.put("phaseTracker", new PhaseTracker());
    beans.put("measurePlan", new MeasurePlan());
    beans.put("consultationStart", new ConsultationStart(programme));
    beans.put("consultationSchedule",
        new ConsultationSchedule(new ConsultationProperties(Period.ofMonths(6), Period.ofMonths(3))));
    beans.put("requestRegister", new RequestRegister(jdbc, programme, rounds));
    beans.put("requestStatusTracker", new RequestStatusTracker());
    beans.put("intakeSchedule", new IntakeSchedule(
        new IntakeProperties(Period.ofDays(14), 30, DataSize.ofKilobytes(64))));
    beans.put("places", new Places(jdbc, programme, rounds));
    beans.put("waitingList", new WaitingList());
    beans.put("roundStatus", new RoundStatus(rounds, programme));
    WorkingDayCalendar calendar = new WorkingDayCalendar();
    beans.put("taskDeadlines", new TaskDeadlines(new DueDateCalculator(calendar, programme), calendar,
        new DeadlineProperties(10, 2, 5, Map.of("Task_HoldFirstTalk", 15))));
    beans.put("jdbc", jdbc);
    return beans;
  }
}
