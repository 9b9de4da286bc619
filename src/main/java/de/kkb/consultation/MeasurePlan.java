package de.kkb.consultation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.platform.FormSubmissionStep;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The plan of measures, one entry per measure captured in Tasklist ("Maßnahme in den Maßnahmenplan
 * aufnehmen", or "Maßnahme hinzufügen" during implementation). Tasklist's forms edit one measure at
 * a time; this appends it to {@code measures}, the collection the implementation phase iterates.
 * Called from the consultation model by the two service tasks "Maßnahmenplan fortschreiben"
 * ({@code ${measurePlan.collect(execution)}}), by "Zusätzliche Maßnahme durchführen"
 * ({@code ${measurePlan.latest(execution)}}) and by the measure forms' input mappings
 * ({@code ${measurePlan.summary(execution)}}).
 *
 * <p>A measure submitted through Tasklist goes into the plan when its form is submitted
 * ({@link #apply}), so its four fields never become process variables (each would cost history
 * rows, set and removed again in every round); {@link #collect} then finds nothing left to collect.
 * Completing the task through the Java API with the fields as variables works as before.
 */
@Component
public class MeasurePlan implements FormSubmissionStep {

  private static final String MEASURES = ConsultationProcess.Variables.MEASURES;
  static final List<String> FIELDS = List.of(CommonVariables.MEASURE_TITLE,
      CommonVariables.MEASURE_FORMAT, CommonVariables.PLANNED_DATE, CommonVariables.MEASURE_LEAD);

  /**
   * Appends the measure just entered and clears its fields (wherever they live, normally on the
   * process instance), so that the next form starts empty and Tasklist's rows name no stale measure.
   */
  public void collect(VariableScope scope) {
    Map<String, Object> measure = new LinkedHashMap<>();
    for (String field : FIELDS) {
      measure.put(field, scope.getVariable(field));
    }
    if (measure.values().stream().allMatch(java.util.Objects::isNull)) {
      return; // submitted through Tasklist: already in the plan (apply)
    }
    add(scope, measure);
    for (String field : FIELDS) {
      scope.removeVariable(field);
    }
  }

  /**
   * Tasklist's submission of "Maßnahme in den Maßnahmenplan aufnehmen", or of "Umsetzung begleiten"
   * with "Maßnahme hinzufügen": the measure's fields go into the plan, the rest is stored as usual.
   */
  @Override
  public VariableMap apply(String taskKey, VariableMap submitted, VariableScope task) {
    boolean addsMeasure = ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN.equals(taskKey)
        || ConsultationProcess.Tasks.STEER_IMPLEMENTATION.equals(taskKey) && ConsultationProcess.Values
            .IMPLEMENTATION_ADD_MEASURE.equals(submitted.get(ConsultationProcess.Variables.IMPLEMENTATION_ACTION));
    if (!addsMeasure || FIELDS.stream().noneMatch(submitted::containsKey)) {
      return submitted;
    }
    Map<String, Object> measure = new LinkedHashMap<>();
    for (String field : FIELDS) {
      measure.put(field, submitted.get(field));
    }
    add(task, measure);
    VariableMap rest = Variables.createVariables();
    submitted.keySet().stream().filter(name -> !FIELDS.contains(name))
        .forEach(name -> rest.putValueTyped(name, submitted.getValueTyped(name)));
    return rest;
  }

  private static void add(VariableScope scope, Map<String, Object> measure) {
    List<Map<String, Object>> measures = measures(scope);
    measures.add(measure);
    scope.setVariable(MEASURES, measures);
  }

  /** The measure added last: what "Zusätzliche Maßnahme durchführen" carries out. */
  public Map<String, Object> latest(VariableScope scope) {
    List<Map<String, Object>> measures = measures(scope);
    return measures.isEmpty() ? Map.of() : measures.get(measures.size() - 1);
  }

  /**
   * The measures planned so far as a Markdown list, for the forms that add one
   * ({@code ${measurePlan.summary(execution)}}).
   */
  public String summary(VariableScope scope) {
    List<Map<String, Object>> measures = measures(scope);
    if (measures.isEmpty()) {
      return "noch keine";
    }
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < measures.size(); i++) {
      Map<String, Object> measure = measures.get(i);
      list.append('\n').append(i + 1).append(". ").append(measure.get(CommonVariables.MEASURE_TITLE));
      Object date = measure.get(CommonVariables.PLANNED_DATE);
      if (date != null) {
        list.append(" (geplant am ").append(germanDate(date.toString())).append(')');
      }
    }
    return list.toString();
  }

  private static String germanDate(String isoDate) {
    try {
      return java.time.LocalDate.parse(isoDate.length() > 10 ? isoDate.substring(0, 10) : isoDate)
          .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    } catch (java.time.format.DateTimeParseException notADate) {
      return isoDate;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> measures(VariableScope scope) {
    Object current = scope.getVariable(MEASURES);
    return current == null ? new ArrayList<>() : new ArrayList<>((List<Map<String, Object>>) current);
  }
}
