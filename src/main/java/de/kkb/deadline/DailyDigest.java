package de.kkb.deadline;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import de.kkb.identity.KkbGroups;
import de.kkb.notification.DigestPreference;
import de.kkb.notification.NoticePreferences;
import de.kkb.notification.Notices;
import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.CommonVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The daily digest ("Tagesübersicht"), after the deadline watch on every working day
 * ({@code ${dailyDigest.send()}} in "Fristen überwachen"): one mail per person who chose "täglich"
 * (the default) and has something to do, listing by municipality the tasks that are overdue, whose
 * follow-up date has come, and that are new since the last working day: tasks assigned to them and
 * open tasks of their groups nobody has taken. Nothing of another carrier, since only their own
 * groups' tasks are read. One digest per person and day (a stable notice id), however often the
 * round runs. From the programme end on, consultants get none.
 */
@Component
public class DailyDigest {

  static final String TEMPLATE = "daily-digest";
  static final String OVERDUE = "Überfällig";
  static final String FOLLOW_UP = "Wiedervorlage erreicht";
  static final String NEW = "Neu";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Notices notices;
  private final NoticePreferences preferences;
  private final WorkingDayCalendar calendar;
  private final ProgrammeCalendar programme;

  public DailyDigest(@Lazy TaskService taskService, @Lazy RuntimeService runtimeService,
      @Lazy IdentityService identityService, @Qualifier("notices") Notices notices,
      NoticePreferences preferences, WorkingDayCalendar calendar, ProgrammeCalendar programme) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.notices = notices;
    this.preferences = preferences;
    this.calendar = calendar;
    this.programme = programme;
  }

  public void send() {
    ZonedDateTime now = EngineClock.now().atZone(EngineClock.BERLIN);
    LocalDate today = now.toLocalDate();
    // New since the round of the last working day, at the same time of day.
    Date since = Date.from(now.with(calendar.subtractWorkingDays(today, 1)).toInstant());
    boolean programmeOver = !now.toInstant().isBefore(programme.end().toInstant());
    Set<String> groups = new LinkedHashSet<>(List.of(KkbGroups.PROGRAMME_MANAGEMENT));
    if (!programmeOver) {
      groups.addAll(programme.consultantGroups());
    }
    Set<String> done = new LinkedHashSet<>();
    for (String group : groups) {
      for (User user : notices.members(group)) {
        if (done.add(user.getId()) && preferences.of(user.getId()) == DigestPreference.DAILY) {
          digest(user, today, since, Date.from(now.toInstant()));
        }
      }
    }
  }

  private void digest(User user, LocalDate today, Date since, Date now) {
    String key = "digest|" + today;
    if (notices.alreadyQueued(user, TEMPLATE, key)) {
      return; // one digest a day, however often the watch runs (e.g. a retried job)
    }
    List<String> groupIds = identityService.createGroupQuery().groupMember(user.getId()).list().stream()
        .map(Group::getId).toList();
    List<Task> tasks = groupIds.isEmpty()
        ? taskService.createTaskQuery().active().taskAssignee(user.getId()).list()
        : taskService.createTaskQuery().active().or().taskAssignee(user.getId())
            .taskCandidateGroupIn(groupIds).endOr().list();
    Map<String, Map<String, Object>> about = about(tasks);
    // Municipality → entries, municipalities in alphabetical order.
    Map<String, List<Map<String, Object>>> byMunicipality = new TreeMap<>();
    for (Task task : tasks) {
      String section = task.getDueDate() != null && task.getDueDate().before(now) ? OVERDUE
          : task.getFollowUpDate() != null && !task.getFollowUpDate().after(now) ? FOLLOW_UP
          : task.getCreateTime().after(since) ? NEW : null;
      if (section == null) {
        continue;
      }
      Map<String, Object> instance = about.getOrDefault(task.getProcessInstanceId(), Map.of());
      Object municipality = instance.get(CommonVariables.MUNICIPALITY_NAME);
      Map<String, Object> entry = new LinkedHashMap<>(notices.taskModel(Map.of(), task.getId(), task.getName(),
          task.getDueDate()));
      entry.put("section", section);
      entry.put("reference", instance.get(CommonVariables.REFERENCE));
      byMunicipality.computeIfAbsent(municipality == null ? "ohne Kommune" : municipality.toString(),
          name -> new ArrayList<>()).add(entry);
    }
    if (byMunicipality.isEmpty()) {
      return;
    }
    List<Map<String, Object>> municipalities = new ArrayList<>();
    byMunicipality.forEach((name, entries) -> {
      entries.sort((a, b) -> order(a.get("section")) - order(b.get("section")));
      municipalities.add(Map.of("name", name, "entries", entries));
    });
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("day", today);
    model.put("municipalities", municipalities);
    model.put("taskCount", tasksIn(byMunicipality));
    notices.toUser(user, TEMPLATE, null, null, key, model);
  }

  /**
   * Municipality and reference of the tasks' process instances, in one query. An instance that
   * ended since the tasks were read (people work while the digest is written) has none.
   */
  private Map<String, Map<String, Object>> about(List<Task> tasks) {
    Map<String, Map<String, Object>> about = new HashMap<>();
    if (tasks.isEmpty()) {
      return about;
    }
    String[] instances = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery().processInstanceIdIn(instances)
        .variableNameIn(CommonVariables.MUNICIPALITY_NAME, CommonVariables.REFERENCE).list()) {
      // The instance's own value, not a sub-process scope's variable of the same name.
      if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
        about.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    return about;
  }

  private static int order(Object section) {
    return OVERDUE.equals(section) ? 0 : FOLLOW_UP.equals(section) ? 1 : 2;
  }

  private static int tasksIn(Map<String, List<Map<String, Object>>> byMunicipality) {
    return byMunicipality.values().stream().mapToInt(List::size).sum();
  }
}
