package de.kkb.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The fields of a task form that only document the step (a date, a count, a note) and that no
 * later form, gateway, report, mail or Tasklist column reads: Tasklist's submission stores them as
 * one JSON variable per step (still in Cockpit and in the history) instead of one process variable
 * each, because every variable costs history rows (instance, update, form property) per lifecycle.
 * Fields something reads stay process variables; a step with only one such field keeps it, since a
 * JSON variable costs more rows than one plain one.
 */
@Component
class StepRecords implements FormSubmissionStep {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Task definition key → the record it writes. */
  static final Map<String, StepRecord> BY_TASK = Map.ofEntries(
      record(ConsultationProcess.Tasks.HOLD_FIRST_TALK, ConsultationProcess.Variables.FIRST_TALK_RECORD,
          ConsultationProcess.Variables.FIRST_TALK_DATE, ConsultationProcess.Variables.ADMINISTRATION_HEAD_ROLE,
          ConsultationProcess.Variables.FIRST_TALK_PARTICIPANTS),
      // The outcome decides the gateway, the goals are evaluated at the end, the reason is shown to
      // programme management: they stay variables.
      record(ConsultationProcess.Tasks.CONCLUDE_COOPERATION_AGREEMENT, ConsultationProcess.Variables.AGREEMENT_RECORD,
          ConsultationProcess.Variables.AGREEMENT_SIGNED_DATE, ConsultationProcess.Variables.AGREEMENT_PARTIES),
      record(ConsultationProcess.Tasks.PLAN_TALKS, ConsultationProcess.Variables.TALK_PLAN_RECORD,
          ConsultationProcess.Variables.PLANNED_INDIVIDUAL_TALKS, ConsultationProcess.Variables.PLANNED_GROUP_TALKS,
          ConsultationProcess.Variables.PLANNED_STAKEHOLDER_GROUPS),
      record(ConsultationProcess.Tasks.HOLD_TALKS, ConsultationProcess.Variables.TALKS_RECORD,
          ConsultationProcess.Variables.INDIVIDUAL_TALKS_COUNT, ConsultationProcess.Variables.GROUP_TALKS_COUNT,
          ConsultationProcess.Variables.STAKEHOLDER_GROUPS_REACHED),
      record(ConsultationProcess.Tasks.WRITE_CONFLICT_ANALYSIS, ConsultationProcess.Variables.CONFLICT_ANALYSIS_RECORD,
          ConsultationProcess.Variables.SKA_COMPLETED_DATE, ConsultationProcess.Variables.SKA_KEY_FINDINGS),
      record(ConsultationProcess.Tasks.FEED_BACK_ANALYSIS, ConsultationProcess.Variables.FEEDBACK_RECORD,
          ConsultationProcess.Variables.FEEDBACK_DATE, ConsultationProcess.Variables.FEEDBACK_PARTICIPANTS),
      // "Handlungsoptionen entwickeln" is not here: after "Überarbeiten" its form shows the last summary.
      record(ConsultationProcess.Tasks.INTERIM_REVIEW, ConsultationProcess.Variables.INTERIM_REVIEW_RECORD,
          ConsultationProcess.Variables.INTERIM_REVIEW_DATE, ConsultationProcess.Variables.INTERIM_PROGRESS,
          ConsultationProcess.Variables.INTERIM_ADJUSTMENTS),
      record(ConsultationProcess.Tasks.EVALUATE_GOALS, ConsultationProcess.Variables.GOAL_EVALUATION_RECORD,
          ConsultationProcess.Variables.GOAL1_ACHIEVEMENT, ConsultationProcess.Variables.GOAL1_JUSTIFICATION,
          ConsultationProcess.Variables.GOAL2_ACHIEVEMENT, ConsultationProcess.Variables.GOAL2_JUSTIFICATION,
          ConsultationProcess.Variables.GOAL3_ACHIEVEMENT, ConsultationProcess.Variables.GOAL3_JUSTIFICATION,
          ConsultationProcess.Variables.GOAL4_ACHIEVEMENT, ConsultationProcess.Variables.GOAL4_JUSTIFICATION,
          ConsultationProcess.Variables.GOAL5_ACHIEVEMENT, ConsultationProcess.Variables.GOAL5_JUSTIFICATION,
          ConsultationProcess.Variables.LESSONS_LEARNED),
      record(ConsultationProcess.Tasks.WRITE_FINAL_REPORT, ConsultationProcess.Variables.FINAL_REPORT_RECORD,
          ConsultationProcess.Variables.FINAL_REPORT_DATE, ConsultationProcess.Variables.FINAL_REPORT_SUMMARY),
      record(ConsultationProcess.Tasks.HAND_OVER, ConsultationProcess.Variables.HANDOVER_RECORD,
          ConsultationProcess.Variables.HANDOVER_STRUCTURE, ConsultationProcess.Variables.HANDOVER_DATE),
      record(ConsultationProcess.Tasks.CLOSE_AT_PROGRAMME_END, ConsultationProcess.Variables.PROGRAMME_END_RECORD,
          ConsultationProcess.Variables.CLOSING_SUMMARY, ConsultationProcess.Variables.HANDOVER_STRUCTURE),
      record(ConsultationProcess.Tasks.ASSESS_ESCALATION, ConsultationProcess.Variables.ESCALATION_RECORD,
          ConsultationProcess.Variables.ESCALATION_ASSESSMENT, ConsultationProcess.Variables.ESCALATION_NOTE),
      // The planned date sets the measure's timer; outcome and follow-up are the report's and the gateway's.
      record(InterventionProcess.Tasks.PREPARE_INTERVENTION, InterventionProcess.Variables.PREPARATION_RECORD,
          InterventionProcess.Variables.VENUE, InterventionProcess.Variables.INVITED_GROUPS),
      record(InterventionProcess.Tasks.DOCUMENT_INTERVENTION, InterventionProcess.Variables.DOCUMENTATION_RECORD,
          InterventionProcess.Variables.PARTICIPANTS, InterventionProcess.Variables.RESULT_SUMMARY));

  @Override
  public VariableMap apply(String taskKey, VariableMap submitted, VariableScope task) {
    return restructure(taskKey, submitted);
  }

  private static Map.Entry<String, StepRecord> record(String task, String name, String... fields) {
    return Map.entry(task, new StepRecord(name, List.of(fields)));
  }

  /**
   * The submitted values with the task's documentation-only fields moved into its record; the
   * values themselves if the task keeps no record or none of its fields was submitted.
   */
  static VariableMap restructure(String taskKey, VariableMap submitted) {
    StepRecord record = BY_TASK.get(taskKey);
    if (record == null || record.fields().stream().noneMatch(submitted::containsKey)) {
      return submitted;
    }
    VariableMap kept = Variables.createVariables();
    Map<String, Object> documented = new LinkedHashMap<>();
    submitted.forEach((name, value) -> {
      if (record.fields().contains(name)) {
        documented.put(name, value);
      } else {
        kept.putValueTyped(name, submitted.getValueTyped(name));
      }
    });
    try {
      kept.putValueTyped(record.name(), SpinValues.jsonValue(JSON.writeValueAsString(documented)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("form values of " + taskKey + " are no JSON", e);
    }
    return kept;
  }

  /** A step's record: its variable and the form fields it holds. */
  record StepRecord(String name, List<String> fields) {
  }
}
