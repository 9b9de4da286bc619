package de.kkb.reporting;

import de.kkb.platform.EngineClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gauges for operations (Micrometer): open tasks, overdue tasks, open incidents, and jobs that are
 * due but not yet executed (a job executor that falls behind shows here first).
 */
@Component
public class PlatformMetrics implements MeterBinder {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  public PlatformMetrics(@Lazy TaskService taskService, @Lazy RuntimeService runtimeService,
      @Lazy ManagementService managementService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("kkb.tasks.open", () -> taskService.createTaskQuery().active().count())
        .description("Offene Aufgaben").register(registry);
    Gauge.builder("kkb.tasks.overdue", () -> taskService.createTaskQuery().active()
            .dueBefore(EngineClock.nowAsDate()).count())
        .description("Überfällige Aufgaben").register(registry);
    Gauge.builder("kkb.incidents", () -> runtimeService.createIncidentQuery().count())
        .description("Offene Störungen (Incidents)").register(registry);
    Gauge.builder("kkb.jobs.due", () -> managementService.createJobQuery().executable().count())
        .description("Fällige, noch nicht ausgeführte Jobs").register(registry);
  }
}
