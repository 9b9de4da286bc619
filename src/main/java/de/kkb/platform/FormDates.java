package de.kkb.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.ProgrammeRoundProcess;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Every user task's form, as Tasklist submits it: a date of something that has happened (a talk
 * held, an agreement signed) cannot lie in the future, and a planned date cannot lie in the past or
 * after the round's last day. Tasklist's date picker already refuses past planned dates; this is the
 * rule. A wrong date refuses the form with a German reason ({@link FormInputRefused}, answered 400);
 * nothing is saved. An engine plugin wraps the form handler of every user task when a model is
 * parsed (a task listener cannot refuse: the engine turns its exceptions into server errors). The
 * same wrapper, the one place every Tasklist submission passes, then hands the values to the
 * {@link FormSubmissionStep}s (a step's record, the plan of measures) before the engine stores them.
 */
@Component
public class FormDates extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** Dates of events that have happened, with the label their form gives them. */
  static final Map<String, String> HAPPENED = Map.ofEntries(
      Map.entry(ConsultationRequestProcess.Variables.PRELIMINARY_TALK_DATE, "Datum des Vorgesprächs"),
      Map.entry(ConsultationProcess.Variables.FIRST_TALK_DATE, "Datum des Erstgesprächs"),
      Map.entry(ConsultationProcess.Variables.AGREEMENT_SIGNED_DATE, "Datum der Unterzeichnung"),
      Map.entry(ConsultationProcess.Variables.SKA_COMPLETED_DATE, "Fertigstellung der Konfliktanalyse"),
      Map.entry(ConsultationProcess.Variables.FEEDBACK_DATE, "Datum der Rückspiegelung"),
      Map.entry(ConsultationProcess.Variables.CONCEPT_AGREED_DATE, "Datum der Abstimmung"),
      Map.entry(ConsultationProcess.Variables.INTERIM_REVIEW_DATE, "Datum der Zwischenauswertung"),
      Map.entry(ConsultationProcess.Variables.FINAL_REPORT_DATE, "Datum des Abschlussberichts"),
      Map.entry(ConsultationProcess.Variables.HANDOVER_DATE, "Datum der Übergabe"),
      Map.entry(ProgrammeRoundProcess.Variables.EVALUATION_DATE, "Datum der Programmevaluation"));

  private final ProgrammeCalendar programme;
  private final List<FormSubmissionStep> steps;

  public FormDates(ProgrammeCalendar programme, List<FormSubmissionStep> steps) {
    this.programme = programme;
    this.steps = List.copyOf(steps);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.forEveryUserTask(configuration,
        task -> task.setTaskFormHandler(new Checked(task.getKey(), task.getTaskFormHandler())));
  }

  /** Refuses the submitted values when one of their dates is impossible. */
  public void check(Map<String, Object> submitted) {
    LocalDate today = EngineClock.today();
    for (Map.Entry<String, String> field : HAPPENED.entrySet()) {
      LocalDate date = date(submitted.get(field.getKey()));
      if (date != null && date.isAfter(today)) {
        throw new FormInputRefused(field.getKey(), field.getValue() + " (" + date.format(GERMAN)
            + ") liegt in der Zukunft. Bitte das Datum eintragen, an dem es stattgefunden hat.");
      }
    }
    LocalDate planned = date(submitted.get(CommonVariables.PLANNED_DATE));
    if (planned != null && planned.isBefore(today)) {
      throw new FormInputRefused(CommonVariables.PLANNED_DATE, "Der geplante Termin ("
          + planned.format(GERMAN) + ") liegt in der Vergangenheit. Bitte einen Termin ab heute wählen.");
    }
    if (planned != null && planned.isAfter(programme.lastDay())) {
      throw new FormInputRefused(CommonVariables.PLANNED_DATE, "Der geplante Termin ("
          + planned.format(GERMAN) + ") liegt nach dem Ende der Programmrunde am "
          + programme.lastDay().format(GERMAN) + ". Bitte einen Termin bis dahin wählen.");
    }
  }

  /** A form's date ({@code yyyy-MM-dd}, possibly with a time), or null for none or free text. */
  static LocalDate date(Object value) {
    if (value == null || value.toString().length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.toString().substring(0, 10));
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  /** The task's own form handler, after the check, with the step's record. */
  private final class Checked implements TaskFormHandler {

    private final String taskKey;
    private final TaskFormHandler form;

    Checked(String taskKey, TaskFormHandler form) {
      this.taskKey = taskKey;
      this.form = form;
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment,
        ProcessDefinitionEntity definition, BpmnParse parse) {
      form.parseConfiguration(element, deployment, definition, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      check(properties);
      VariableMap values = properties;
      for (FormSubmissionStep step : steps) {
        values = step.apply(taskKey, values, scope);
      }
      form.submitFormVariables(values, scope);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return form.createTaskForm(task);
    }
  }
}
