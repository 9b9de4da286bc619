package de.kkb.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import de.kkb.support.Browser;
import de.kkb.support.BrowserPageTest;
import de.kkb.support.EngineTime;
import de.kkb.support.PlatformTest;
import de.kkb.support.TasklistPage;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.CriticalSituationProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser, as consultants and programme management use it since every
 * consultant task goes to the lead: Anna (K3B) works through three tasks of her consultation without
 * claiming any, reports a critical situation that programme management then finds in its list, is
 * refused for a municipality forumZFD advises; programme management records a withdrawal from
 * Tasklist; the third pass of the measure form starts unticked and lists the measures planned so far.
 *
 * <p>Every step leaves a screenshot in {@code target/screenshots/tasklist/NN-step.png} for people
 * to look at. Selectors are Tasklist's template attributes and form-js ids, not the labels of
 * Tasklist's buttons, so the test reads the same whatever language the webapps speak. Skipped
 * without chromium ({@link Browser}).
 */
@PlatformTest
@EngineTime("2024-03-01T09:00")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserTest extends BrowserPageTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots", "tasklist");
  static final AtomicInteger SHOTS = new AtomicInteger();

  static final String ANNA = "k3b-anna";
  static final String STEUERUNG = "steuerung";
  static final String PASSWORD = "demo";
  static final String MY_TASKS = "Meine Aufgaben";
  static final String GROUP_TASKS = "Gruppenaufgaben";
  static final String REFUSAL = "Zu diesem Aktenzeichen gibt es keine laufende Beratung Ihres Trägers.";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;

  TasklistPage tasklist;
  final List<String> started = new ArrayList<>();

  /** A failed step leaves the page as it was, as a screenshot and as source, for a look. */
  @RegisterExtension
  final TestWatcher lastPage = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser != null && tasklist != null) {
        String name = "failed-" + context.getRequiredTestMethod().getName();
        tasklist.screenshot(name);
        tasklist.pageSource(name);
      }
    }
  };

  @BeforeAll
  static void freshScreenshots() throws IOException {
    if (Files.isDirectory(SCREENSHOTS)) {
      try (Stream<Path> files = Files.walk(SCREENSHOTS)) {
        files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(SCREENSHOTS))
            .forEach(path -> path.toFile().delete());
      }
    }
  }

  @BeforeEach
  void openTasklist() {
    tasklist = new TasklistPage(driver(), port, SCREENSHOTS, SHOTS);
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    for (String id : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test cleanup");
      }
    }
  }

  // --- 1. the lead works without claiming -------------------------------------------------------

  @Test
  @Order(1)
  void theLeadCompletesThreeTasksOneAfterTheOtherWithoutClaiming() {
    String consultation = start("KKB-2024-901", "Teststadt", "consultants-k3b", ANNA);

    tasklist.login(ANNA, PASSWORD);
    assertThat(tasklist.filterNames()).contains(MY_TASKS, GROUP_TASKS).doesNotContain("Alle Aufgaben");
    tasklist.filter(MY_TASKS);
    tasklist.searchReference("KKB-2024-901");
    tasklist.screenshot("anna-my-tasks");

    // Erstgespräch mit der Verwaltungsspitze führen
    Task firstTalk = openAsLead(consultation, ConsultationProcess.Tasks.HOLD_FIRST_TALK, "first-talk");
    assertThat(tasklist.textView("Kommune:").getText()).contains("Teststadt", "KKB-2024-901");
    tasklist.date("Field_FirstTalkDate", 2024, 2, 28);
    tasklist.select("Field_AdministrationHeadRole", "Bürgermeister:in");
    tasklist.type("Field_FirstTalkParticipants", "4");
    tasklist.screenshot("anna-first-talk-filled");
    tasklist.complete(firstTalk.getId());
    assertCompleted(firstTalk, ANNA);
    // Fields that only document the step are its record (one JSON variable), not variables each.
    assertThat(recorded(consultation, ConsultationProcess.Variables.FIRST_TALK_RECORD,
        ConsultationProcess.Variables.FIRST_TALK_DATE)).isEqualTo("2024-02-28");
    assertThat(recorded(consultation, ConsultationProcess.Variables.FIRST_TALK_RECORD,
        ConsultationProcess.Variables.ADMINISTRATION_HEAD_ROLE)).isEqualTo("BUERGERMEISTER");
    assertThat(variable(consultation, ConsultationProcess.Variables.FIRST_TALK_DATE)).isNull();

    // Kooperationsvereinbarung abschließen: concluded
    Task agreement = openAsLead(consultation, ConsultationProcess.Tasks.CONCLUDE_COOPERATION_AGREEMENT,
        "cooperation-agreement");
    tasklist.radio("Field_AgreementOutcome", "Ja, sie ist unterzeichnet");
    tasklist.date("Field_AgreementSignedDate", 2024, 3, 1);
    tasklist.type("Field_AgreementParties", "Bürgermeisterin der Stadt, K3B");
    tasklist.type("Field_Goal1", "Dialog zwischen Verwaltung und Vereinen");
    tasklist.type("Field_Goal2", "Jugend beteiligen");
    tasklist.screenshot("anna-cooperation-agreement-filled");
    tasklist.complete(agreement.getId());
    assertCompleted(agreement, ANNA);
    assertThat(variable(consultation, ConsultationProcess.Variables.AGREEMENT_OUTCOME))
        .isEqualTo(ConsultationProcess.Values.AGREEMENT_CONCLUDED);
    assertThat(recorded(consultation, ConsultationProcess.Variables.AGREEMENT_RECORD,
        ConsultationProcess.Variables.AGREEMENT_SIGNED_DATE)).isEqualTo("2024-03-01");

    // Gespräche planen (phase Konfliktanalyse)
    Task planTalks = openAsLead(consultation, ConsultationProcess.Tasks.PLAN_TALKS, "plan-talks");
    assertThat(tasklist.textView("Phase:").getText()).contains("Konfliktanalyse");
    tasklist.type("Field_PlannedIndividualTalks", "20");
    tasklist.type("Field_PlannedGroupTalks", "5");
    tasklist.type("Field_PlannedStakeholderGroups", "Verwaltung, Politik, Vereine, Jugend");
    tasklist.screenshot("anna-plan-talks-filled");
    tasklist.complete(planTalks.getId());
    assertCompleted(planTalks, ANNA);
    assertThat(recorded(consultation, ConsultationProcess.Variables.TALK_PLAN_RECORD,
        ConsultationProcess.Variables.PLANNED_INDIVIDUAL_TALKS)).isEqualTo("20");

    Task next = currentTask(consultation, ConsultationProcess.Tasks.HOLD_TALKS);
    assertThat(next.getAssignee()).as("the next task goes to the lead as well").isEqualTo(ANNA);
    tasklist.row(MY_TASKS, next.getId());
    tasklist.screenshot("anna-my-tasks-after-three");
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(consultation)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).count()).as("nobody claimed").isZero();
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(consultation)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).userId(ANNA).list())
        .extracting(UserOperationLogEntry::getTaskId).containsOnly(firstTalk.getId(), agreement.getId(),
            planTalks.getId());
    tasklist.logout();
  }

  /**
   * Every row of the lead's list names the municipality: Tasklist takes the column from the filter's
   * list answer, which the engine fills only with variables the user may read (candidates of a task
   * may read its instance: InstanceReadGrants).
   */
  @Test
  @Order(2)
  void everyRowOfMyTasksShowsTheMunicipality() {
    String consultation = start("KKB-2024-902", "Teststadt", "consultants-k3b", ANNA);
    tasklist.login(ANNA, PASSWORD);
    tasklist.filter(MY_TASKS);
    tasklist.searchReference("KKB-2024-902");
    WebElement row = tasklist.row(MY_TASKS, currentTask(consultation, ConsultationProcess.Tasks.HOLD_FIRST_TALK).getId());
    tasklist.show(row);
    tasklist.screenshot("anna-row-municipality");
    assertThat(tasklist.rowVariables(row)).contains("Teststadt");
    tasklist.logout();
  }

  // --- 2. a critical situation reaches programme management -------------------------------------

  @Test
  @Order(3)
  void theLeadReportsACriticalSituationAndProgrammeManagementFindsItInItsList() {
    String consultation = start("KKB-2024-903", "Teststadt", "consultants-k3b", ANNA);

    tasklist.login(ANNA, PASSWORD);
    assertThat(tasklist.startableProcesses()).as("what a consultant may start").contains("Kritische Lage melden");
    tasklist.startProcess("Kritische Lage melden");
    tasklist.type("Field_Reference", "KKB-2024-903");
    tasklist.type("Field_EscalationDescription",
        "Drohungen gegen die Moderation bei der letzten Sitzung; die Polizei ist informiert.");
    tasklist.screenshot("anna-critical-situation-form");
    tasklist.submitStart();
    tasklist.awaitStartDialogClosed();
    tasklist.screenshot("anna-critical-situation-reported");
    tasklist.logout();

    Task assessment = taskService.createTaskQuery().processInstanceId(consultation)
        .taskDefinitionKey(ConsultationProcess.Tasks.ASSESS_ESCALATION).singleResult();
    assertThat(assessment).as("Eskalation bewerten in the consultation").isNotNull();
    assertThat(assessment.getName()).isEqualTo("Eskalation bewerten");
    assertThat(taskService.getIdentityLinksForTask(assessment.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("programme-management"));
    assertThat(runtimeService.getVariable(consultation, ConsultationProcess.Variables.ESCALATION_DESCRIPTION))
        .asString().startsWith("Drohungen gegen die Moderation");
    assertThat(currentTask(consultation, ConsultationProcess.Tasks.HOLD_FIRST_TALK)).as("the consultation goes on")
        .isNotNull();

    tasklist.login(STEUERUNG, PASSWORD);
    tasklist.filter(GROUP_TASKS);
    tasklist.searchReference("KKB-2024-903");
    WebElement row = tasklist.row(GROUP_TASKS, assessment.getId());
    assertThat(row.getText()).contains("Eskalation bewerten");
    assertThat(tasklist.rowVariables(row)).as("programme management sees the municipality in the row")
        .contains("Teststadt");
    tasklist.screenshot("steuerung-group-tasks-escalation");
    tasklist.open(GROUP_TASKS, assessment.getId());
    assertThat(tasklist.textView("Gemeldete kritische Lage").getText()).contains("Drohungen gegen die Moderation");
    assertThat(tasklist.textView("Kommune:").getText()).contains("Teststadt", "KKB-2024-903");
    tasklist.screenshot("steuerung-assess-escalation");
    tasklist.logout();
  }

  // --- 3. not for another carrier's municipality -------------------------------------------------

  @Test
  @Order(4)
  void aConsultantCannotReportForAMunicipalityAnotherCarrierAdvises() {
    start("KKB-2024-904", "Teststadt", "consultants-k3b", ANNA);
    String foreign = start("KKB-2024-905", "Friedensdorf", "consultants-forumzfd", "fzfd-clara");
    long reportsBefore = reports();

    String shown = reportAsAnna("KKB-2024-905");
    tasklist.screenshot("anna-refused-for-forumzfd-municipality");
    assertThat(shown).as("an error, and nothing about the other carrier's municipality")
        .isNotBlank().doesNotContain("Friedensdorf", "consultants-forumzfd", "forumZFD", foreign);
    assertThat(tasklist.startDialogOpen()).as("the form stays open to correct the reference").isTrue();
    tasklist.logout();

    assertThat(taskService.createTaskQuery().processInstanceId(foreign)
        .taskDefinitionKey(ConsultationProcess.Tasks.ASSESS_ESCALATION).count()).isZero();
    assertThat(runtimeService.getVariable(foreign, ConsultationProcess.Variables.ESCALATION_DESCRIPTION)).isNull();
    assertThat(reports()).as("the report was rolled back, not recorded").isEqualTo(reportsBefore);
  }

  /**
   * The refusal tells her why, in German: the platform's reason, not the engine's wording and not the
   * generic text consultants get for other errors.
   */
  @Test
  @Order(5)
  void theRefusalTellsTheConsultantWhyInGerman() {
    start("KKB-2024-908", "Friedensdorf", "consultants-forumzfd", "fzfd-clara");
    String shown = reportAsAnna("KKB-2024-908");
    tasklist.screenshot("anna-refusal-reason");
    assertThat(shown).contains("Eingabe nicht übernommen", REFUSAL);
    tasklist.logout();
  }

  // --- 4. programme management records a withdrawal ----------------------------------------------

  @Test
  @Order(6)
  void programmeManagementRecordsAWithdrawalFromTasklist() {
    String consultation = start("KKB-2024-906", "Rheinstadt", "consultants-k3b", ANNA);

    tasklist.login(STEUERUNG, PASSWORD);
    assertThat(tasklist.startableProcesses()).contains("Rückzug einer Kommune erfassen");
    tasklist.startProcess("Rückzug einer Kommune erfassen");
    tasklist.type("Field_Reference", "KKB-2024-906");
    tasklist.type("Field_WithdrawalReason", "Der Rat hat die Beratung beendet.");
    tasklist.screenshot("steuerung-withdrawal-form");
    tasklist.submitStart();
    tasklist.awaitStartDialogClosed();

    Task acknowledge = taskService.createTaskQuery().processInstanceId(consultation).singleResult();
    assertThat(acknowledge).as("the consultation waits for the acknowledgement").isNotNull();
    assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo(ConsultationProcess.Tasks.ACKNOWLEDGE_WITHDRAWAL);
    assertThat(runtimeService.getVariable(consultation, ConsultationProcess.Variables.WITHDRAWAL_REASON))
        .isEqualTo("Der Rat hat die Beratung beendet.");

    tasklist.filter(GROUP_TASKS);
    tasklist.searchReference("KKB-2024-906");
    WebElement row = tasklist.row(GROUP_TASKS, acknowledge.getId());
    assertThat(row.getText()).contains("Rückzug der Kommune zur Kenntnis nehmen");
    tasklist.open(GROUP_TASKS, acknowledge.getId());
    assertThat(tasklist.textView("Grund:").getText()).contains("Der Rat hat die Beratung beendet.");
    tasklist.screenshot("steuerung-acknowledge-withdrawal");
    tasklist.logout();
  }

  // --- 5. the measure form's third pass ----------------------------------------------------------

  @Test
  @Order(7)
  void theThirdPassOfTheMeasureFormStartsUntickedAndListsThePlannedMeasures() {
    String consultation = start("KKB-2024-907", "Teststadt", "consultants-k3b", ANNA);
    completeThroughTheApi(consultation, ConsultationProcess.Tasks.HOLD_FIRST_TALK, Map.of(
        ConsultationProcess.Variables.FIRST_TALK_DATE, "2024-02-20",
        ConsultationProcess.Variables.ADMINISTRATION_HEAD_ROLE, "BUERGERMEISTER",
        ConsultationProcess.Variables.FIRST_TALK_PARTICIPANTS, 3));
    completeThroughTheApi(consultation, ConsultationProcess.Tasks.CONCLUDE_COOPERATION_AGREEMENT, Map.of(
        ConsultationProcess.Variables.AGREEMENT_OUTCOME, ConsultationProcess.Values.AGREEMENT_CONCLUDED,
        ConsultationProcess.Variables.AGREEMENT_SIGNED_DATE, "2024-02-21",
        ConsultationProcess.Variables.AGREEMENT_PARTIES, "Bürgermeisterin, K3B",
        ConsultationProcess.Variables.GOAL1, "Dialog zwischen Verwaltung und Vereinen"));
    completeThroughTheApi(consultation, ConsultationProcess.Tasks.PLAN_TALKS, Map.of(
        ConsultationProcess.Variables.PLANNED_INDIVIDUAL_TALKS, 20,
        ConsultationProcess.Variables.PLANNED_GROUP_TALKS, 5,
        ConsultationProcess.Variables.PLANNED_STAKEHOLDER_GROUPS, "Verwaltung, Politik, Vereine"));
    completeThroughTheApi(consultation, ConsultationProcess.Tasks.HOLD_TALKS, Map.of(
        ConsultationProcess.Variables.INDIVIDUAL_TALKS_COUNT, 22,
        ConsultationProcess.Variables.GROUP_TALKS_COUNT, 6,
        ConsultationProcess.Variables.STAKEHOLDER_GROUPS_REACHED, 7));
    completeThroughTheApi(consultation, ConsultationProcess.Tasks.WRITE_CONFLICT_ANALYSIS, Map.of(
        ConsultationProcess.Variables.SKA_COMPLETED_DATE, "2024-02-25",
        ConsultationProcess.Variables.SKA_KEY_FINDINGS, "Konflikt um die Nutzung des Marktplatzes."));
    completeThroughTheApi(consultation, ConsultationProcess.Tasks.FEED_BACK_ANALYSIS, Map.of(
        ConsultationProcess.Variables.FEEDBACK_DATE, "2024-02-26",
        ConsultationProcess.Variables.FEEDBACK_PARTICIPANTS, 60));
    completeThroughTheApi(consultation, ConsultationProcess.Tasks.DEVELOP_OPTIONS, Map.of(
        ConsultationProcess.Variables.WORKSHOPS_HELD, 3,
        ConsultationProcess.Variables.OPTIONS_SUMMARY, "Drei Optionen."));
    completeThroughTheApi(consultation, ConsultationProcess.Tasks.AGREE_CONCEPT, Map.of(
        ConsultationProcess.Variables.CONCEPT_AGREEMENT, ConsultationProcess.Values.CONCEPT_AGREED,
        ConsultationProcess.Variables.CONCEPT_AGREED_DATE, "2024-02-29"));
    for (String title : List.of("Runder Tisch Innenstadt", "Workshop Jugend")) {
      completeThroughTheApi(consultation, ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN, Map.of(
          CommonVariables.MEASURE_TITLE, title,
          CommonVariables.MEASURE_FORMAT, ConsultationProcess.Values.MEASURE_FORMAT_ROUND_TABLE,
          CommonVariables.PLANNED_DATE, "2024-06-03",
          CommonVariables.MEASURE_LEAD, "Tandem K3B",
          ConsultationProcess.Variables.MORE_MEASURES, true));
    }
    Task thirdPass = currentTask(consultation, ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN);
    assertThat(thirdPass.getAssignee()).isEqualTo(ANNA);

    tasklist.login(ANNA, PASSWORD);
    tasklist.filter(MY_TASKS);
    tasklist.searchReference("KKB-2024-907");
    tasklist.open(MY_TASKS, thirdPass.getId());
    assertThat(tasklist.claimButtons()).isEmpty();
    WebElement moreMeasures = tasklist.field("Field_MoreMeasures");
    assertThat(moreMeasures.getAttribute("type")).isEqualTo("checkbox");
    assertThat(moreMeasures.isSelected()).as("Weitere Maßnahme aufnehmen starts unticked").isFalse();
    WebElement planned = tasklist.textView("Schon im Maßnahmenplan:");
    List<String> items = planned.findElements(org.openqa.selenium.By.cssSelector("ol > li")).stream()
        .map(item -> item.getText().strip()).toList();
    assertThat(items).as("a numbered list of the measures planned so far: " + planned.getText()).hasSize(2);
    assertThat(items.get(0)).startsWith("Runder Tisch Innenstadt");
    assertThat(items.get(1)).startsWith("Workshop Jugend");
    assertThat(tasklist.field("Field_MeasureTitle").getAttribute("value")).as("the form starts empty").isEmpty();
    tasklist.show(planned);
    tasklist.screenshot("anna-measure-form-third-pass");
    tasklist.show(moreMeasures);
    tasklist.screenshot("anna-measure-form-third-pass-checkbox");
    tasklist.logout();
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** Anna reports a critical situation for the reference; returns the error the dialog shows. */
  private String reportAsAnna(String reference) {
    tasklist.login(ANNA, PASSWORD);
    tasklist.startProcess("Kritische Lage melden");
    tasklist.type("Field_Reference", reference);
    tasklist.type("Field_EscalationDescription",
        "Gerüchte über eine Eskalation im Nachbarort, bitte prüfen und weitergeben.");
    tasklist.submitStart();
    return tasklist.awaitStartError();
  }

  private long reports() {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CriticalSituationProcess.KEY).count();
  }

  private String start(String reference, String municipality, String carrierGroup, String lead) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CommonVariables.REFERENCE, reference);
    variables.put(CommonVariables.MUNICIPALITY_NAME, municipality);
    variables.put(CommonVariables.CARRIER_GROUP, carrierGroup);
    variables.put(CommonVariables.CONSULTANT_TEAM, lead);
    variables.put(CommonVariables.CONSULTANT_LEAD, lead);
    String id = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, variables).getId();
    started.add(id);
    return id;
  }

  private Task currentTask(String consultation, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceId(consultation).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  private Object variable(String consultation, String name) {
    return runtimeService.getVariable(consultation, name);
  }

  /** A field of a step's record, as text. */
  private String recorded(String consultation, String record, String field) {
    return ((org.camunda.spin.json.SpinJsonNode) runtimeService.getVariable(consultation, record)).prop(field)
        .value().toString();
  }

  /**
   * Finds the task in the lead's list, shows the row, opens it and checks that it is hers and can be
   * worked on at once: assigned to her, no claim button, the form editable.
   */
  private Task openAsLead(String consultation, String taskDefinitionKey, String step) {
    Task task = currentTask(consultation, taskDefinitionKey);
    assertThat(task).as(taskDefinitionKey).isNotNull();
    assertThat(task.getAssignee()).as("assigned to the lead by the model").isEqualTo(ANNA);
    WebElement row = tasklist.row(MY_TASKS, task.getId());
    assertThat(row.getText()).contains(task.getName());
    tasklist.show(row);
    assertThat(tasklist.rowVariables(row)).as("the row of " + task.getName() + " names the municipality")
        .contains(String.valueOf(runtimeService.getVariable(consultation, CommonVariables.MUNICIPALITY_NAME)));
    tasklist.open(MY_TASKS, task.getId());
    tasklist.screenshot("anna-" + step);
    assertThat(tasklist.claimButtons()).as("no claim needed for " + task.getName()).isEmpty();
    assertThat(tasklist.assigneeShown()).contains("Anna Kramer");
    assertThat(tasklist.formDisabled()).as("the form of " + task.getName() + " is editable at once").isFalse();
    return task;
  }

  private void assertCompleted(Task task, String by) {
    tasklist.waiting().until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult())
        .satisfies(done -> {
          assertThat(done.getDeleteReason()).isEqualTo("completed");
          assertThat(done.getAssignee()).isEqualTo(by);
        });
  }

  private void completeThroughTheApi(String consultation, String taskDefinitionKey, Map<String, Object> variables) {
    Task task = currentTask(consultation, taskDefinitionKey);
    assertThat(task).as(taskDefinitionKey).isNotNull();
    taskService.complete(task.getId(), variables);
  }
}
