package de.kkb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.demo.FormFiller;
import de.kkb.support.Jobs;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scenario 1: complete {@code Consultation} lifecycles per second (every user task completed through
 * the Java API with the variables its form sets, three measures each), against a bare model with the
 * same number of user tasks and no listeners, delegates or timers, in the same engine and run.
 */
public class LifecycleBenchmark {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger REFERENCES = new AtomicInteger();

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final RepositoryService repository;
  private final ManagementService management;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  /** A working day's morning: the platform's daily digest; nothing on a bare engine. */
  private final Runnable morning;
  /** Without a job executor (the smoke test's choice) there is no queue to wait for. */
  private final boolean jobExecutorActive;
  private final Map<String, Map<String, Object>> formValues = new java.util.concurrent.ConcurrentHashMap<>();

  /** The lifecycle on the platform, with its daily digest. */
  public LifecycleBenchmark(ConfigurableApplicationContext platform) {
    this(platform.getBean(ProcessEngine.class), platform.getBean(javax.sql.DataSource.class),
        morningDigest(platform));
  }

  /** The lifecycle on a bare engine ({@link BareEngine}). */
  LifecycleBenchmark(BareEngine bare) {
    this(bare.engine(), bare.dataSource(), () -> { });
  }

  private LifecycleBenchmark(ProcessEngine engine, javax.sql.DataSource dataSource, Runnable morning) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.repository = engine.getRepositoryService();
    this.management = engine.getManagementService();
    this.jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    this.morning = morning;
    this.jobExecutorActive = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor().isActive();
  }

  private static Runnable morningDigest(ConfigurableApplicationContext platform) {
    ProcessEngineConfigurationImpl engine = platform.getBean(ProcessEngineConfigurationImpl.class);
    de.kkb.deadline.DailyDigest digest = platform.getBean(de.kkb.deadline.DailyDigest.class);
    return () -> engine.getCommandExecutorTxRequired().execute(context -> {
      digest.send();
      return null;
    });
  }

  /**
   * One consultation from start to end, with one morning's daily digest (the tasks mail the
   * consultants through it, not one by one); returns the number of user tasks it took.
   */
  public int consultationLifecycle() {
    String reference = nextReference();
    String id = start(reference, "consultants-k3b");
    morning.run();
    Map<String, String> answers = answers();
    int[] measures = {0};
    return drive(id, reference, task -> {
      Map<String, Object> values = values(task, answers);
      if (ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN.equals(task.getTaskDefinitionKey())) {
        values.put("moreMeasures", ++measures[0] < 3);
      }
      return values;
    });
  }

  /** A reference unique in this engine: the business key the driver finds the tasks by. */
  public static String nextReference() {
    int n = REFERENCES.incrementAndGet();
    return String.format("KKB-%04d-%03d", 3000 + n / 1000, n % 1000);
  }

  /** Starts a consultation of a carrier's group; returns the process instance id. */
  public String start(String reference, String carrierGroup) {
    return runtime.startProcessInstanceByKey(ConsultationProcess.KEY, reference, Map.of(
        "reference", reference, "municipalityName", "Stadt " + reference, "carrierGroup", carrierGroup,
        "consultantTeam", "Team")).getId();
  }

  /** Completes the tasks now open for a reference, once each, with the values their forms set. */
  public int completeOpenTasks(String reference) {
    Map<String, String> answers = answers();
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).list();
    for (Task task : open) {
      Map<String, Object> values = values(task, answers);
      if (ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN.equals(task.getTaskDefinitionKey())) {
        values.put("moreMeasures", false);
      }
      tasks.complete(task.getId(), values);
    }
    return open.size();
  }

  /**
   * The answers that take a consultation the shortest way to its end; a measure is planned for today,
   * the earliest day its form accepts, so its date is reached at once.
   */
  private static Map<String, String> answers() {
    String today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/Berlin")).toString();
    return Map.of("agreementOutcome", "CONCLUDED", "conceptAgreement", "AGREED",
        "implementationAction", "FINISH", "interventionOutcome", "HELD", "plannedDate", today,
        "measureFormat", "WORKSHOP");
  }

  /**
   * Completes the tasks of one business key until its process instance has ended, the same way for
   * both models: due jobs (the measures' dates, the notices) are the job executor's, as in production.
   */
  private int drive(String processInstanceId, String businessKey,
      java.util.function.Function<Task, Map<String, Object>> values) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    int completed = 0;
    while (System.nanoTime() < deadline) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
      for (Task task : open) {
        // As Tasklist completes a task: through its form, with the form's checks.
        forms.submitTaskForm(task.getId(), values.apply(task));
        completed++;
      }
      if (open.isEmpty()) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
          return completed;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a timer for the job executor
      }
    }
    throw new IllegalStateException(businessKey + " did not end within two minutes");
  }

  /**
   * The values a task's form sets, filled once per task definition: reading and parsing the form is
   * the driver's work, not the platform's, and stays out of the measured loop.
   */
  private Map<String, Object> values(Task task, Map<String, String> answers) {
    Map<String, Object> filled = formValues.computeIfAbsent(task.getTaskDefinitionKey(), key -> {
      try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
        return FormFiller.variables(JSON.readTree(form), answers);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Map<String, Object> values = new HashMap<>(filled);
    if (values.containsKey("plannedDate")) {
      values.put("plannedDate", answers.get("plannedDate"));
    }
    return values;
  }

  /** Deploys a linear model with {@code userTasks} plain user tasks (Camunda model API). */
  public void deployBaseline(int userTasks) {
    AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess("Baseline")
        .camundaHistoryTimeToLive(1).startEvent();
    for (int i = 1; i <= userTasks; i++) {
      builder = builder.userTask("Task_" + i).name("Aufgabe " + i);
    }
    BpmnModelInstance model = builder.endEvent().done();
    repository.createDeployment().addModelInstance("baseline.bpmn", model).deploy();
  }

  public void baselineLifecycle() {
    String businessKey = "BASE-" + REFERENCES.incrementAndGet();
    String id = runtime.startProcessInstanceByKey("Baseline", businessKey).getId();
    drive(id, businessKey, task -> new HashMap<>(Map.of("value", "x")));
  }

  /**
   * Lifecycles per second with {@code threads} threads, each running {@code perThread}; the clock
   * stops when the job executor has also worked off what they left (the notices' sending).
   */
  public double perSecond(int threads, int perThread, Runnable lifecycle) throws Exception {
    long start = System.nanoTime();
    inParallel(threads, thread -> {
      for (int i = 0; i < perThread; i++) {
        lifecycle.run();
      }
    });
    if (jobExecutorActive) {
      Jobs.awaitJobExecutor(management, Duration.ofMinutes(2));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return threads * perThread / seconds;
  }

  /** Runs {@code work} once on each of {@code threads} threads (given its number) and waits for all. */
  public static void inParallel(int threads, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> work.accept(thread)));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The platform's notification log: one row per notice. */
  static final String NOTIFICATION_LOG = "kkb_notification";

  static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_GE_BYTEARRAY",
      NOTIFICATION_LOG);

  /**
   * Rows in the history tables (and the notification log, which a bare engine does not have), to
   * say what a lifecycle writes.
   */
  public Map<String, Long> rows() {
    Map<String, Long> rows = new java.util.LinkedHashMap<>();
    for (String table : HISTORY_TABLES) {
      rows.put(table, exists(table) ? jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class) : 0L);
    }
    return rows;
  }

  private boolean exists(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = ?",
        Long.class, table.toUpperCase(java.util.Locale.ROOT)) > 0;
  }
}
