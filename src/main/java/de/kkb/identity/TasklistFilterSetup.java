package de.kkb.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.CommonVariables;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, each readable by the groups that use it. Every filter shows the
 * municipality, the reference and the measure as columns. A filter that exists already keeps what
 * admins tuned, but gains missing columns; the grants to read it follow the configured carriers.
 */
@Component
class TasklistFilterSetup {

  static final String MY_TASKS = "Meine Aufgaben";
  static final String GROUP_TASKS = "Gruppenaufgaben";
  static final String OVERDUE = "Überfällig";
  static final String ALL_TASKS = "Alle Aufgaben";
  static final String CARRIER_TASKS = "Aufgaben meines Trägers";

  /**
   * The columns every filter shows, so that each row says what it is about; Tasklist shows the first
   * two a task has (a measure's: municipality and title; others: municipality and reference).
   */
  static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", CommonVariables.MUNICIPALITY_NAME, "label", "Kommune"),
      Map.of("name", CommonVariables.MEASURE_TITLE, "label", "Maßnahme"),
      Map.of("name", CommonVariables.REFERENCE, "label", "Aktenzeichen"),
      Map.of("name", CommonVariables.PHASE, "label", "Phase"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationSetup authorizations;
  private final ProgrammeCalendar programme;

  TasklistFilterSetup(FilterService filterService, TaskService taskService,
      AuthorizationSetup authorizations, ProgrammeCalendar programme) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
    this.programme = programme;
  }

  void run() {
    // Programme management and every carrier's consultants.
    List<String> staff = new ArrayList<>(List.of(KkbGroups.PROGRAMME_MANAGEMENT));
    staff.addAll(programme.consultantGroups());
    ensure(MY_TASKS, "Aufgaben, die mir zugewiesen sind", -10, "#1f6f8b",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), staff);
    ensure(GROUP_TASKS, "Offene Aufgaben meiner Gruppen, noch niemandem zugewiesen", -5, "#3c8d2f",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned(),
        staff);
    ensure(OVERDUE, "Aufgaben, deren Fälligkeitsdatum überschritten ist", 0, "#b00020",
        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), staff);
    ensure(ALL_TASKS, "Alle Aufgaben aller Kommunen (Programmsteuerung)", 10, "#555555",
        taskService.createTaskQuery(), List.of(KkbGroups.PROGRAMME_MANAGEMENT));
    // Tasks go to the lead consultant; colleagues find them here to take one over.
    ensure(CARRIER_TASKS, "Alle offenen Aufgaben meines Trägers, auch die zugewiesenen", 5, "#6a4c93",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(), programme.consultantGroups());
  }

  private void ensure(String name, String description, int priority, String color, TaskQuery query,
      List<String> readers) {
    Filter filter = filterService.createFilterQuery().filterResourceType("Task").filterName(name)
        .singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setQuery(query);
      filter.setProperties(properties(description, priority, color));
      filterService.saveFilter(filter);
    } else if (!filter.getProperties().containsKey("variables")
        || !((List<?>) filter.getProperties().get("variables")).containsAll(COLUMNS)) {
      // Filters of earlier versions lack columns; whatever else an admin tuned stays.
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("variables", COLUMNS);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
    }
    for (String group : readers) {
      authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static Map<String, Object> properties(String description, int priority, String color) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", COLUMNS);
    return properties;
  }
}
