package de.kkb.reporting;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * One row per municipality with a consultation: where it stands, since when, what is open or
 * overdue, how many measures were planned and held, the next deadline and the last activity.
 */
@Service
public class ProgrammeReport {

  public static final List<String> PHASES = List.of("Auftragsklärung", "Konfliktanalyse",
      "Handlungskonzept", "Umsetzung", "Auswertung und Abschluss");

  private final HistoryService historyService;
  private final TaskService taskService;

  public ProgrammeReport(HistoryService historyService, TaskService taskService) {
    this.historyService = historyService;
    this.taskService = taskService;
  }

  public List<Row> rows() {
    Date now = ClockUtil.getCurrentTime();
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("Consultation")
        .orderByProcessInstanceStartTime().asc().list().stream()
        // Instances deleted by an operator (Cockpit, API) are no consultations to report.
        .filter(consultation -> !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(consultation.getState()))
        .map(consultation -> row(consultation, now))
        .toList();
  }

  private Row row(HistoricProcessInstance consultation, Date now) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(consultation.getId())
        .variableNameIn("municipalityName", "carrier", "phase", "measures").list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(consultation.getId()).list();
    Map<String, Date> phaseStarted = new LinkedHashMap<>();
    for (String phase : PHASES) {
      activities.stream()
          .filter(a -> "subProcess".equals(a.getActivityType()) && phase.equals(a.getActivityName()))
          .map(HistoricActivityInstance::getStartTime)
          .min(Comparator.naturalOrder())
          .ifPresent(start -> phaseStarted.put(phase, start));
    }
    String phase = (String) variables.get("phase");
    Long daysInPhase = Optional.ofNullable(phaseStarted.get(phase))
        .filter(start -> consultation.getEndTime() == null)
        .map(start -> Duration.between(start.toInstant(), now.toInstant()).toDays())
        .orElse(null);
    String reference = consultation.getBusinessKey();
    List<Task> open = reference == null ? List.of()
        : taskService.createTaskQuery().processInstanceBusinessKey(reference).active().list();
    long overdue = open.stream().filter(t -> t.getDueDate() != null && t.getDueDate().before(now)).count();
    Date nextDeadline = open.stream().map(Task::getDueDate).filter(Objects::nonNull)
        .min(Comparator.naturalOrder()).orElse(null);
    Date lastActivity = activities.stream()
        .map(a -> a.getEndTime() != null ? a.getEndTime() : a.getStartTime())
        .max(Comparator.naturalOrder()).orElse(consultation.getStartTime());
    Object measures = variables.get("measures");
    int planned = measures instanceof Collection<?> list ? list.size() : 0;
    long held = reference == null ? 0 : measuresHeld(reference);
    return new Row(reference, (String) variables.get("municipalityName"),
        (String) variables.get("carrier"), phase, phaseStarted, daysInPhase, open.size(), overdue,
        planned, held, nextDeadline, lastActivity);
  }

  /** Measures of this municipality (same business key) documented as held. */
  private long measuresHeld(String reference) {
    String[] measures = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("Intervention").processInstanceBusinessKey(reference).list().stream()
        .map(HistoricProcessInstance::getId).toArray(String[]::new);
    return measures.length == 0 ? 0 : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(measures).variableValueEquals("interventionOutcome", "HELD").count();
  }

  public record Row(String reference, String municipalityName, String carrier, String phase,
      Map<String, Date> phaseStarted, Long daysInPhase, long openTasks, long overdueTasks,
      int measuresPlanned, long measuresCarriedOut, Date nextDeadline, Date lastActivity) {
  }
}
