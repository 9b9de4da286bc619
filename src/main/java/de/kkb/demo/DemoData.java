package de.kkb.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.intake.ConsultationRequestForm;
import de.kkb.intake.ConsultationRequestService;
import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess.Tasks;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.cluster.StartupLock;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the embedded default profile ({@code kkb.demo.data}; never in production): six
 * applications at the start of the round and four consultations in different phases, one with an
 * overdue task, with history dated back by the engine clock. Created once: a database that has
 * requests already is left alone.
 */
@Component
@ConditionalOnProperty(name = "kkb.demo.data", havingValue = "true")
public class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIRST = "FIRST_CARRIER";
  private static final String SECOND = "SECOND_CARRIER";

  private final ConsultationRequestService requests;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final FormService formService;
  private final HistoryService historyService;
  private final ProgrammeCalendar programme;
  private final IdentityService identityService;

  public DemoData(ConsultationRequestService requests, RuntimeService runtimeService,
      TaskService taskService, FormService formService, HistoryService historyService,
      ProgrammeCalendar programme, IdentityService identityService) {
    this.requests = requests;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.formService = formService;
    this.historyService = historyService;
    this.programme = programme;
    this.identityService = identityService;
  }

  @Order(StartupLock.STARTUP_WORK)
  @EventListener(ApplicationReadyEvent.class)
  public void seedOnce() {
    if (historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ConsultationRequestProcess.KEY)
        .count() > 0) {
      return;
    }
    LocalDate start = programme.start();
    try {
      seed(start);
      LOG.info("Demo data created: six requests, four consultations, history from {}", start);
    } finally {
      ClockUtil.reset();
    }
  }

  void seed(LocalDate start) {
    on(start.plusDays(2));
    // Selected municipalities go to the first and the second configured carrier (with one, all to it).
    String[][] municipalities = {{"Altena", "05962004", FIRST}, {"Bergkamen", "05978004", SECOND},
        {"Coesfeld", "05558012", FIRST}, {"Dorsten", "05562012", SECOND},
        {"Emmerich am Rhein", "05154012", ConsultationRequestProcess.Values.WAITING_LIST},
        {"Bad Homburg", "06434001", "-"}};
    List<String> references = new ArrayList<>();
    Map<String, String> decisions = new HashMap<>();
    for (String[] m : municipalities) {
      String reference = requests.submit(new ConsultationRequestForm(m[0], "STADT", m[1], 20000,
          "Ansprechperson " + m[0], "Büro der Verwaltungsspitze", "rathaus@" + m[1] + ".example.org",
          null, true, "In " + m[0] + " streiten Verwaltung, Vereine und Anwohnende seit Monaten über "
              + "die Nutzung der Innenstadt; Ratssitzungen eskalieren.", null, null,
          start.plusMonths(2))).reference();
      references.add(reference);
      decisions.put(reference, m[2]);
    }
    on(start.plusDays(4));
    completeAll(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS, decisions, null);
    on(start.plusDays(7));
    completeAll(ConsultationRequestProcess.Tasks.HOLD_PRELIMINARY_TALK, decisions, null);
    on(start.plusDays(9));
    completeAll(ConsultationRequestProcess.Tasks.DECIDE_SELECTION, decisions, null);

    // Altena moves fast to implementation, Bergkamen and Coesfeld follow; Dorsten waits for its first talk.
    advance(references.get(0), List.of(Tasks.HOLD_FIRST_TALK, Tasks.CONCLUDE_COOPERATION_AGREEMENT,
        Tasks.PLAN_TALKS, Tasks.HOLD_TALKS, Tasks.WRITE_CONFLICT_ANALYSIS, Tasks.FEED_BACK_ANALYSIS,
        Tasks.DEVELOP_OPTIONS, Tasks.AGREE_CONCEPT, Tasks.ADD_MEASURE_TO_PLAN), start.plusDays(12), 4);
    advance(references.get(1), List.of(Tasks.HOLD_FIRST_TALK, Tasks.CONCLUDE_COOPERATION_AGREEMENT,
        Tasks.PLAN_TALKS), start.plusDays(14), 9);
    advance(references.get(2), List.of(Tasks.HOLD_FIRST_TALK, Tasks.CONCLUDE_COOPERATION_AGREEMENT,
        Tasks.PLAN_TALKS, Tasks.HOLD_TALKS, Tasks.WRITE_CONFLICT_ANALYSIS, Tasks.FEED_BACK_ANALYSIS),
        start.plusDays(13), 6);
  }

  private void advance(String reference, List<String> steps, LocalDate from, int daysPerStep)
      {
    LocalDate day = from;
    for (String step : steps) {
      on(day);
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey(step).list()) {
        complete(task, Map.of(
            ConsultationProcess.Variables.AGREEMENT_OUTCOME, ConsultationProcess.Values.AGREEMENT_CONCLUDED,
            ConsultationProcess.Variables.CONCEPT_AGREEMENT, ConsultationProcess.Values.CONCEPT_AGREED,
            CommonVariables.PLANNED_DATE, day.plusDays(10).toString(),
            CommonVariables.MEASURE_TITLE, "Runder Tisch Innenstadt",
            CommonVariables.MEASURE_LEAD, "Tandem aus Verwaltung und Beratung",
            CommonVariables.MEASURE_FORMAT, ConsultationProcess.Values.MEASURE_FORMAT_ROUND_TABLE));
      }
      day = day.plusDays(daysPerStep);
    }
  }

  private void completeAll(String taskKey, Map<String, String> decisions, Map<String, String> answers)
      {
    for (Task task : taskService.createTaskQuery().taskDefinitionKey(taskKey).list()) {
      String reference = runtimeService.createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
      String decision = decisions.getOrDefault(reference, "-");
      Map<String, String> given = new HashMap<>(Map.of(
          ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE,
          ConsultationRequestProcess.Values.DOCUMENTS_COMPLETE,
          ConsultationRequestProcess.Variables.TALK_RECOMMENDATION, "Beratung empfohlen",
          ConsultationRequestProcess.Variables.SELECTION_DECISION,
          decision.equals(ConsultationRequestProcess.Values.WAITING_LIST)
              ? ConsultationRequestProcess.Values.WAITING_LIST : ConsultationRequestProcess.Values.SELECTED,
          CommonVariables.CARRIER_GROUP, carrierGroup(decision),
          CommonVariables.CONSULTANT_LEAD, lead(carrierGroup(decision)),
          CommonVariables.CONSULTANT_TEAM, String.join(",", team(carrierGroup(decision)))));
      if (answers != null) {
        given.putAll(answers);
      }
      complete(task, given);
    }
  }

  /** The carrier's demo consultants, by user id: the first leads. */
  private List<String> team(String carrierGroup) {
    return identityService.createUserQuery().memberOfGroup(carrierGroup).orderByUserId().asc().list()
        .stream().map(User::getId).toList();
  }

  private String lead(String carrierGroup) {
    List<String> team = team(carrierGroup);
    return team.isEmpty() ? "" : team.get(0);
  }

  /** The group of the first configured carrier, or of the second for {@link #SECOND}. */
  private String carrierGroup(String decision) {
    List<String> groups = programme.consultantGroups();
    return decision.equals(SECOND) && groups.size() > 1 ? groups.get(1) : groups.get(0);
  }

  private void complete(Task task, Map<String, String> answers) {
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      JsonNode schema = JSON.readTree(form);
      taskService.complete(task.getId(), FormFiller.variables(schema, answers));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void on(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(EngineClock.BERLIN).toInstant()));
  }
}
