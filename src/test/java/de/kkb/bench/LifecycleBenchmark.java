package de.kkb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.demo.FormFiller;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
  private final ManagementService management;
  private final RepositoryService repository;
  private final Map<String, Map<String, Object>> formValues = new java.util.concurrent.ConcurrentHashMap<>();

  public LifecycleBenchmark(ConfigurableApplicationContext platform) {
    this.runtime = platform.getBean(RuntimeService.class);
    this.tasks = platform.getBean(TaskService.class);
    this.forms = platform.getBean(FormService.class);
    this.management = platform.getBean(ManagementService.class);
    this.repository = platform.getBean(RepositoryService.class);
  }

  /** One consultation from start to end; returns the number of user tasks it took. */
  public int consultationLifecycle() {
    String reference = String.format("KKB-2030-%03d", REFERENCES.incrementAndGet() % 1000);
    String yesterday = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/Berlin"))
        .minusDays(1).toString();
    ProcessInstance consultation = runtime.startProcessInstanceByKey("Consultation", Map.of(
        "reference", reference, "municipalityName", "Benchstadt", "carrierGroup", "consultants-k3b",
        "consultantTeam", "Team"));
    int measures = 0;
    int completed = 0;
    for (int step = 0; step < 500; step++) {
      List<String> family = family(consultation.getId());
      if (family.isEmpty()) {
        return completed;
      }
      boolean progressed = false;
      for (String instance : family) {
        for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
          Map<String, String> answers = new HashMap<>(Map.of("agreementOutcome", "CONCLUDED",
              "conceptAgreement", "AGREED", "implementationAction", "FINISH", "interventionOutcome", "HELD",
              "plannedDate", yesterday, "measureFormat", "WORKSHOP"));
          if ("Task_AddMeasureToPlan".equals(task.getTaskDefinitionKey())) {
            measures++;
          }
          Map<String, Object> values = values(task, answers);
          if ("Task_AddMeasureToPlan".equals(task.getTaskDefinitionKey())) {
            values.put("moreMeasures", measures < 3);
          }
          tasks.complete(task.getId(), values);
          completed++;
          progressed = true;
        }
        for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
          management.executeJob(job.getId());
          progressed = true;
        }
      }
      if (!progressed) {
        throw new IllegalStateException("consultation " + reference + " is stuck");
      }
    }
    throw new IllegalStateException("consultation " + reference + " did not end");
  }

  private List<String> family(String consultationId) {
    List<String> ids = new ArrayList<>();
    if (runtime.createProcessInstanceQuery().processInstanceId(consultationId).count() == 0) {
      return ids;
    }
    ids.add(consultationId);
    runtime.createProcessInstanceQuery().superProcessInstanceId(consultationId).list()
        .forEach(sub -> ids.add(sub.getId()));
    return ids;
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
    String id = runtime.startProcessInstanceByKey("Baseline").getId();
    for (Task task = next(id); task != null; task = next(id)) {
      tasks.complete(task.getId(), Map.of("value", "x"));
    }
  }

  private Task next(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  /** Lifecycles per second with {@code threads} threads, each running {@code perThread}. */
  public static double perSecond(int threads, int perThread, Runnable lifecycle) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            lifecycle.run();
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return threads * perThread / seconds;
    } finally {
      pool.shutdownNow();
    }
  }
}
