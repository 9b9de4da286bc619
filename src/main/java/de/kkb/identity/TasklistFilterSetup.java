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
 * municipality as a column. A filter that exists already is left as it is, so that admins can tune it;
 * the grants to read it follow the configured carriers.
 */
@Component
class TasklistFilterSetup {

  static final String MY_TASKS = "Meine Aufgaben";
  static final String GROUP_TASKS = "Gruppenaufgaben";
  static final String OVERDUE = "Überfällig";
  static final String ALL_TASKS = "Alle Aufgaben";

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
    properties.put("variables", List.of(
        Map.of("name", CommonVariables.MUNICIPALITY_NAME, "label", "Kommune"),
        Map.of("name", CommonVariables.PHASE, "label", "Phase")));
    return properties;
  }
}
