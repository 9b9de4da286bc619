package de.kkb.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kkb.demo.FormFiller;
import de.kkb.platform.FormInputRefused;
import de.kkb.support.FormerApplicantAccount;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.CriticalSituationProcess;
import de.kkb.vocabulary.WithdrawalRecordingProcess;
import de.kkb.vocabulary.InterventionProcess;
import de.kkb.vocabulary.ProgrammeRoundProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The consultation as consultants and programme managers use it: authorised, over the REST API. */
@PlatformTest
public class ConsultationTasklistTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  HistoryService historyService;

  @BeforeEach
  void duringTheSourceRound() {
    Jobs.setClock("2024-03-01T09:00");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test cleanup"));
  }

  @Test
  void consultantsSeeOnlyTheirCarriersTasks() throws Exception {
    String k3b = start("KKB-2024-001", "Altstadt", "consultants-k3b");
    String forumZfd = start("KKB-2024-002", "Neudorf", "consultants-forumzfd");

    identityService.setAuthentication("k3b-anna", List.of("consultants-k3b"));
    List<Task> annasTasks = taskService.createTaskQuery().processDefinitionKey(ConsultationProcess.KEY).list();
    identityService.clearAuthentication();
    assertThat(annasTasks).isNotEmpty()
        .allSatisfy(task -> assertThat(task.getProcessInstanceId()).isEqualTo(k3b));

    identityService.setAuthentication("fzfd-clara", List.of("consultants-forumzfd"));
    List<Task> clarasTasks = taskService.createTaskQuery().processDefinitionKey(ConsultationProcess.KEY).list();
    identityService.clearAuthentication();
    assertThat(clarasTasks).isNotEmpty()
        .allSatisfy(task -> assertThat(task.getProcessInstanceId()).isEqualTo(forumZfd));

    assertThat(restTaskInstances("k3b-anna")).containsExactly(k3b);
    assertThat(restTaskInstances("k3b-ben")).containsExactly(k3b);
    assertThat(restTaskInstances("fzfd-david")).containsExactly(forumZfd);
    assertThat(new HttpSession(port).basic(FormerApplicantAccount.create(identityService), FormerApplicantAccount.PASSWORD)
        .get("/engine-rest/task?processDefinitionKey=Consultation").statusCode())
        .as("an account without a group (as applicants had) has no engine API at all").isEqualTo(403);
    FormerApplicantAccount.delete(identityService);
    assertThat(restTaskInstances("steuerung")).as("programme management reads everything")
        .contains(k3b, forumZfd);

    HttpSession anna = new HttpSession(port).basic("k3b-anna", "demo");
    String clarasTask = clarasTasks.get(0).getId();
    HttpResponse<String> foreign = anna.get("/engine-rest/task/" + clarasTask);
    assertThat(foreign.statusCode()).as(foreign.body()).isIn(403, 404);
    assertThat(anna.postJson("/engine-rest/task/" + clarasTask + "/submit-form", "{\"variables\":{}}")
        .statusCode()).isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(forumZfd).singleResult())
        .isNotNull();
  }

  /**
   * Every filter's rows name the municipality (the round's own tasks: all of them) and a
   * municipality's tasks its reference (Tasklist asks the filter's list for them as embedded
   * variables), for the carrier's consultants as for programme management, and a consultant's row
   * never names another carrier's municipality.
   */
  @Test
  void everyFiltersRowsNameTheMunicipalityForEveryGroup() throws Exception {
    String k3b = start("KKB-2024-011", "Zeilenstadt", "consultants-k3b");
    start("KKB-2024-012", "Fremdstadt", "consultants-forumzfd");
    for (String user : List.of("k3b-anna", "k3b-ben", "steuerung")) {
      HttpSession session = new HttpSession(port).basic(user, "demo");
      JsonNode filters = JSON.readTree(session.get("/engine-rest/filter?resourceType=Task").body());
      assertThat(filters).isNotEmpty();
      for (JsonNode filter : filters) {
        JsonNode list = JSON.readTree(session.postJsonAccepting("/engine-rest/filter/" + filter.path("id").asText()
            + "/list?firstResult=0&maxResults=50", "{}", "application/hal+json").body());
        for (JsonNode task : list.path("_embedded").path("task")) {
          Map<String, String> columns = new HashMap<>();
          task.path("_embedded").path("variable").forEach(v -> columns.put(v.path("name").asText(), v.path("value").asText()));
          String row = user + " / " + filter.path("name").asText() + " / " + task.path("name").asText();
          assertThat(columns).as(row).containsKey(CommonVariables.MUNICIPALITY_NAME);
          if (!task.path("processDefinitionId").asText().startsWith(ProgrammeRoundProcess.KEY + ":")) {
            assertThat(columns).as(row + ": a municipality's task").containsKey(CommonVariables.REFERENCE);
          }
          if (!user.equals("steuerung")) {
            assertThat(columns.get(CommonVariables.MUNICIPALITY_NAME)).isNotEqualTo("Fremdstadt");
          }
          if (task.path("processInstanceId").asText().equals(k3b)) {
            assertThat(columns).containsEntry(CommonVariables.MUNICIPALITY_NAME, "Zeilenstadt")
                .containsEntry(CommonVariables.REFERENCE, "KKB-2024-011");
          }
        }
      }
    }
  }

  /**
   * "Kritische Lage melden" as Tasklist sends it: a K3B consultant reports for her own municipality;
   * for another carrier's and for an unknown reference she gets the same 400 with only the German
   * reason, which Tasklist shows; nothing starts.
   */
  @Test
  void aRefusedStartFormAnswers400WithTheGermanReasonOnly() throws Exception {
    String own = start("KKB-2024-021", "Eigenstadt", "consultants-k3b");
    String foreign = start("KKB-2024-022", "Fremdstadt", "consultants-forumzfd");
    HttpSession anna = new HttpSession(port).basic("k3b-anna", "demo");
    String path = "/engine-rest/process-definition/key/" + CriticalSituationProcess.KEY + "/submit-form";
    String expected = FormInputRefused.PREFIX + CriticalSituations.REFUSAL;
    for (String reference : List.of("KKB-2024-022", "KKB-2024-099")) {
      HttpResponse<String> refused = anna.postJson(path, report(reference));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).path("message").asText()).isEqualTo(expected);
    }
    assertThat(taskService.createTaskQuery().processInstanceId(foreign)
        .taskDefinitionKey(ConsultationProcess.Tasks.ASSESS_ESCALATION).count()).isZero();
    HttpResponse<String> reported = anna.postJson(path, report("KKB-2024-021"));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
    assertThat(taskService.createTaskQuery().processInstanceId(own)
        .taskDefinitionKey(ConsultationProcess.Tasks.ASSESS_ESCALATION).count()).isOne();

    HttpResponse<String> notForConsultants = anna.postJson("/engine-rest/process-definition/key/"
        + WithdrawalRecordingProcess.KEY + "/submit-form", "{\"variables\":{}}");
    assertThat(notForConsultants.statusCode()).isIn(403, 404);
  }

  private static String report(String reference) throws Exception {
    return JSON.writeValueAsString(Map.of("variables", Map.of(
        CommonVariables.REFERENCE, Map.of("value", reference),
        CriticalSituationProcess.Variables.ESCALATION_DESCRIPTION, Map.of("value", "Bedrohliche Lage nach der Ratssitzung."))));
  }

  /**
   * The lead changes as Tasklist changes an assignee: a colleague of the carrier takes a task over,
   * programme management gives it back; another carrier's consultant cannot, and programme
   * management still cannot work on it.
   */
  @Test
  void theCarrierAndProgrammeManagementChangeTheLeadInTasklist() throws Exception {
    String consultation = start("KKB-2024-031", "Wechselstadt", "consultants-k3b");
    String task = taskService.createTaskQuery().processInstanceId(consultation).singleResult().getId();
    String path = "/engine-rest/task/" + task + "/assignee";

    assertThat(new HttpSession(port).basic("k3b-ben", "demo").postJson(path, "{\"userId\":\"k3b-ben\"}")
        .statusCode()).isEqualTo(204);
    assertThat(runtimeService.getVariable(consultation, CommonVariables.CONSULTANT_LEAD)).isEqualTo("k3b-ben");
    assertThat(new HttpSession(port).basic("fzfd-clara", "demo").postJson(path, "{\"userId\":\"fzfd-clara\"}")
        .statusCode()).isEqualTo(404);
    assertThat(runtimeService.getVariable(consultation, CommonVariables.CONSULTANT_LEAD)).isEqualTo("k3b-ben");

    HttpSession steuerung = new HttpSession(port).basic("steuerung", "demo");
    assertThat(steuerung.postJson(path, "{\"userId\":\"k3b-anna\"}").statusCode()).isEqualTo(204);
    assertThat(runtimeService.getVariable(consultation, CommonVariables.CONSULTANT_LEAD)).isEqualTo("k3b-anna");
    assertThat(steuerung.postJson("/engine-rest/task/" + task + "/complete", "{}").statusCode())
        .as("programme management assigns, it does not work on consultants' tasks").isEqualTo(403);
  }

  /** Start form, every task's deployed form, submit-form and due jobs: nothing but the REST API. */
  @Test
  void aConsultationCanBeDrivenToItsEndThroughTheRestApiAlone() throws Exception {
    HttpSession steuerung = new HttpSession(port).basic("steuerung", "demo");
    HttpSession anna = new HttpSession(port).basic("k3b-anna", "demo");

    JsonNode startForm = JSON.readTree(steuerung.get(
        "/engine-rest/process-definition/key/Consultation/deployed-start-form").body());
    ObjectNode startVariables = FormFiller.fill(startForm, Map.of("reference", "KKB-2024-003",
        "municipalityName", "Rheinhausen", "carrierGroup", "consultants-k3b", "consultantLead", "k3b-anna",
        "consultantTeam", "k3b-ben"));
    HttpResponse<String> started = steuerung.postJson(
        "/engine-rest/process-definition/key/Consultation/submit-form",
        JSON.writeValueAsString(Map.of("variables", startVariables)));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = JSON.readTree(started.body()).path("id").asText();
    assertThat(JSON.readTree(started.body()).path("businessKey").asText()).isEqualTo("KKB-2024-003");

    Map<String, String> answers = Map.of("agreementOutcome", "CONCLUDED",
        "conceptAgreement", "AGREED", "implementationAction", "FINISH",
        "interventionOutcome", "HELD", "plannedDate", "2024-03-01", "measureFormat", "WORKSHOP");
    Set<String> completedTasks = new HashSet<>();
    for (int step = 0; step < 60 && !ended(id); step++) {
      boolean progressed = false;
      for (Map.Entry<HttpSession, String> worker : Map.of(anna, "consultants-k3b",
          steuerung, "programme-management").entrySet()) {
        HttpSession user = worker.getKey();
        JsonNode tasks = JSON.readTree(user.get("/engine-rest/task?processInstanceBusinessKey="
            + "KKB-2024-003&includeAssignedTasks=true&candidateGroup=" + worker.getValue()).body());
        for (JsonNode task : tasks) {
          String taskId = task.path("id").asText();
          JsonNode form = JSON.readTree(user.get("/engine-rest/task/" + taskId + "/deployed-form").body());
          HttpResponse<String> submitted = user.postJson("/engine-rest/task/" + taskId + "/submit-form",
              JSON.writeValueAsString(Map.of("variables", FormFiller.fill(form, answers))));
          assertThat(submitted.statusCode()).as(task.path("name") + ": " + submitted.body()).isEqualTo(204);
          completedTasks.add(task.path("taskDefinitionKey").asText());
          progressed = true;
        }
      }
      for (JsonNode job : JSON.readTree(steuerung.get("/engine-rest/job?executable=true").body())) {
        HttpResponse<String> executed = new HttpSession(port).basic("demo", "demo")
            .postJson("/engine-rest/job/" + job.path("id").asText() + "/execute", "");
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);
        progressed = true;
      }
      assertThat(progressed).as("something to do at step " + step).isTrue();
    }
    assertThat(ended(id)).isTrue();
    JsonNode history = JSON.readTree(steuerung.get("/engine-rest/history/process-instance/" + id).body());
    assertThat(history.path("state").asText()).isEqualTo("COMPLETED");
    JsonNode endEvent = JSON.readTree(steuerung.get("/engine-rest/history/activity-instance"
        + "?processInstanceId=" + id + "&activityId=EndEvent_ConsultationCompleted").body());
    assertThat(endEvent).hasSize(1);
    assertThat(completedTasks).contains(ConsultationProcess.Tasks.HOLD_FIRST_TALK, ConsultationProcess.Tasks.ADD_MEASURE_TO_PLAN,
        InterventionProcess.Tasks.PREPARE_INTERVENTION, InterventionProcess.Tasks.DOCUMENT_INTERVENTION, ConsultationProcess.Tasks.STEER_IMPLEMENTATION,
        ConsultationProcess.Tasks.HAND_OVER);
  }

  private boolean ended(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }

  private String start(String reference, String municipality, String carrierGroup) {
    String lead = carrierGroup.equals("consultants-k3b") ? "k3b-anna" : "fzfd-clara";
    return runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference", reference,
        "municipalityName", municipality, "carrierGroup", carrierGroup, "consultantTeam", lead,
        "consultantLead", lead)).getId();
  }

  private Set<String> restTaskInstances(String user) throws Exception {
    // Consultation tasks only: requests' first talks are open to both carriers by design.
    HttpResponse<String> response = new HttpSession(port).basic(user, "demo")
        .get("/engine-rest/task?processDefinitionKey=Consultation");
    assertThat(response.statusCode()).isEqualTo(200);
    Set<String> instances = new HashSet<>();
    JSON.readTree(response.body()).forEach(t -> instances.add(t.path("processInstanceId").asText()));
    return instances;
  }
}
