package de.kkb.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.demo.FormFiller;
import de.kkb.intake.ConsultationRequestForm;
import de.kkb.intake.ConsultationRequestService;
import de.kkb.platform.ProcessResourceDeployer;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.InterimReportProcess;
import de.kkb.vocabulary.InterventionProcess;
import de.kkb.vocabulary.ProgrammeRoundProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform started with a carrier more than K3B and forumZFD, configured in
 * {@code kkb.programme.carriers} alone: its group, grants, filters, form options, notices, demo
 * users and demo consultations come from the configuration, and its consultants work on their
 * municipalities' tasks like the others, without seeing anyone else's.
 */
@Tag("own-jvm")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdCarrierTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DREI = "consultants-drei";
  static final String K3B = "consultants-k3b";
  static final String FORUM_ZFD = "consultants-forumzfd";
  static final String DREI_LABEL = "Dritter Träger – Konfliktberatung Westfalen";
  /** Label and value of every carrier option, in the configured order. */
  static final List<String> OPTIONS = List.of(
      "K3B – Kompetenzzentrum Kommunale Konfliktberatung = " + K3B,
      DREI_LABEL + " = " + DREI,
      "forumZFD – Forum Ziviler Friedensdienst = " + FORUM_ZFD);

  ConfigurableApplicationContext platform;
  int port;
  RuntimeService runtime;
  TaskService tasks;
  IdentityService identity;
  JdbcTemplate jdbc;

  @BeforeAll
  void startWithThreeCarriers() {
    // The new carrier in the middle: the demo data gives the second carrier its consultations.
    platform = PlatformStarter.start(List.of("test"), "kkb.demo.data=true", "kkb.programme.capacity=6",
        "kkb.programme.carriers[0].name=K3B", "kkb.programme.carriers[0].group=" + K3B,
        "kkb.programme.carriers[0].label=K3B – Kompetenzzentrum Kommunale Konfliktberatung",
        "kkb.programme.carriers[1].name=Dritter Träger", "kkb.programme.carriers[1].group=" + DREI,
        "kkb.programme.carriers[1].label=" + DREI_LABEL,
        "kkb.programme.carriers[2].name=forumZFD", "kkb.programme.carriers[2].group=" + FORUM_ZFD,
        "kkb.programme.carriers[2].label=forumZFD – Forum Ziviler Friedensdienst");
    port = PlatformStarter.port(platform);
    runtime = platform.getBean(RuntimeService.class);
    tasks = platform.getBean(TaskService.class);
    identity = platform.getBean(IdentityService.class);
    jdbc = platform.getBean(JdbcTemplate.class);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  @Test
  void theThirdCarriersGroupHasAGermanNameAndTheGrantsOfTheOthers() {
    assertThat(identity.createGroupQuery().list()).extracting(Group::getId).containsExactlyInAnyOrder(
        "programme-management", K3B, DREI, FORUM_ZFD, "camunda-admin");
    Group drei = identity.createGroupQuery().groupId(DREI).singleResult();
    assertThat(drei.getName()).isEqualTo("Berater:innen Dritter Träger");
    assertThat(drei.getType()).isEqualTo("WORKFLOW");

    // Tasklist, definitions, the three staff filters and their own group: as K3B and forumZFD.
    assertThat(grants(DREI)).hasSize(9).isEqualTo(grants(K3B)).isEqualTo(grants(FORUM_ZFD));
  }

  @Test
  void demoUsersAreTwoConsultantsPerCarrierAndTheNewOnesOpenTasklistWithTheStaffFilters()
      throws Exception {
    assertThat(identity.createUserQuery().memberOfGroup(DREI).list()).extracting(User::getId)
        .containsExactlyInAnyOrder("drei-1", "drei-2");
    assertThat(identity.createUserQuery().memberOfGroup(K3B).list()).extracting(User::getId)
        .containsExactlyInAnyOrder("k3b-anna", "k3b-ben");
    assertThat(identity.createUserQuery().memberOfGroup(FORUM_ZFD).list()).extracting(User::getId)
        .containsExactlyInAnyOrder("fzfd-clara", "fzfd-david");
    User drei = identity.createUserQuery().userId("drei-1").singleResult();
    assertThat(drei.getFirstName() + " " + drei.getLastName()).isEqualTo("Berater:in Dritter Träger 1");
    assertThat(drei.getEmail()).isEqualTo("drei-1@drei.example.org");

    for (String app : List.of("cockpit", "admin")) {
      assertThat(new HttpSession(port).webappLogin(app, "drei-1", "demo").statusCode()).as(app)
          .isIn(401, 403);
    }
    HttpSession tasklist = new HttpSession(port);
    HttpResponse<String> login = tasklist.webappLogin("tasklist", "drei-1", "demo");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(login.body()).path("authorizedApps").toString()).contains("tasklist")
        .doesNotContain("cockpit", "admin");
    assertThat(filterNames(tasklist)).containsExactlyInAnyOrder("Meine Aufgaben", "Gruppenaufgaben",
        "Überfällig", "Aufgaben meines Trägers");
  }

  @Test
  void theDemoGivesItsSecondAndFourthMunicipalityToTheSecondConfiguredCarrier() {
    Map<String, String> carrierGroups = new HashMap<>();
    Map<String, String> carriers = new HashMap<>();
    for (ProcessInstance consultation : runtime.createProcessInstanceQuery()
        .processDefinitionKey(ConsultationProcess.KEY).list()) {
      Map<String, Object> variables = runtime.getVariables(consultation.getId());
      carrierGroups.put((String) variables.get("municipalityName"), (String) variables.get("carrierGroup"));
      carriers.put((String) variables.get("municipalityName"), (String) variables.get("carrier"));
    }
    assertThat(carrierGroups).containsEntry("Altena", K3B).containsEntry("Coesfeld", K3B)
        .containsEntry("Bergkamen", DREI).containsEntry("Dorsten", DREI);
    assertThat(carriers).containsEntry("Bergkamen", "Dritter Träger");
  }

  @Test
  void everyCarrierFieldOffersTheThirdCarrierAndARedeploymentCreatesNoNewVersion() throws Exception {
    RepositoryService repository = platform.getBean(RepositoryService.class);
    FormService forms = platform.getBean(FormService.class);
    for (String process : List.of(ConsultationProcess.KEY, InterventionProcess.KEY, InterimReportProcess.KEY)) {
      String definition = repository.createProcessDefinitionQuery().processDefinitionKey(process)
          .latestVersion().singleResult().getId();
      try (InputStream form = forms.getDeployedStartForm(definition)) {
        assertThat(carrierOptions(JSON.readTree(form))).as(process).isEqualTo(OPTIONS);
      }
    }
    // Programme management's selection form, as Tasklist loads it (see also the request below).
    HttpSession steuerung = new HttpSession(port).basic("steuerung", "demo");
    JsonNode startForm = JSON.readTree(steuerung.get(
        "/engine-rest/process-definition/key/Consultation/deployed-start-form").body());
    assertThat(carrierOptions(startForm)).isEqualTo(OPTIONS);

    long deployments = repository.createDeploymentQuery().count();
    platform.getBean(ProcessResourceDeployer.class).postProcessEngineBuild(platform.getBean(ProcessEngine.class));
    assertThat(repository.createDeploymentQuery().count()).as("same carriers, same forms").isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ConsultationProcess.KEY).count())
        .isEqualTo(1);
  }

  @Test
  void aRequestSelectedForTheThirdCarrierIsWorkedOnByItsConsultantsAlone() throws Exception {
    Jobs.setClock("2023-07-03T09:00");
    String reference = platform.getBean(ConsultationRequestService.class).submit(new ConsultationRequestForm(
        "Münster", "STADT", "05515000", 300000, "Ansprechperson Münster", "Büro des Oberbürgermeisters",
        "rathaus@muenster.example.org", null, true, "In Münster streiten Verwaltung, Vereine und "
            + "Anwohnende seit Monaten über die Nutzung der Innenstadt; Ratssitzungen eskalieren.",
        null, null, LocalDate.of(2023, 9, 1))).reference();
    HttpSession steuerung = new HttpSession(port).basic("steuerung", "demo");
    HttpSession drei1 = new HttpSession(port).basic("drei-1", "demo");
    HttpSession drei2 = new HttpSession(port).basic("drei-2", "demo");
    HttpSession anna = new HttpSession(port).basic("k3b-anna", "demo");

    submit(steuerung, onlyTask(steuerung, reference, ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS),
        Map.of("documentsComplete", "COMPLETE"));

    // The preliminary talk is open to every configured carrier, the third one included.
    String talk = onlyTask(drei1, reference, ConsultationRequestProcess.Tasks.HOLD_PRELIMINARY_TALK);
    assertThat(tasks.getIdentityLinksForTask(talk)).extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder(K3B, DREI, FORUM_ZFD);
    assertThat(drei1.postJson("/engine-rest/task/" + talk + "/claim", "{\"userId\":\"drei-1\"}")
        .statusCode()).isEqualTo(204);
    submit(drei1, talk, Map.of("talkRecommendation", "Beratung empfohlen"));

    // Programme management chooses the third carrier on its selection form.
    String decision = onlyTask(steuerung, reference, ConsultationRequestProcess.Tasks.DECIDE_SELECTION);
    JsonNode selectionForm = JSON.readTree(steuerung.get("/engine-rest/task/" + decision + "/deployed-form").body());
    assertThat(carrierOptions(selectionForm)).isEqualTo(OPTIONS);
    submit(steuerung, decision, Map.of("selectionDecision", "SELECTED", "carrierGroup", DREI,
        "consultantTeam", "drei-1,drei-2", "consultantLead", "drei-1", "selectionReason", "Klarer Bedarf."));

    ProcessInstance consultation = runtime.createProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();
    assertThat(runtime.getVariable(consultation.getId(), "carrier")).isEqualTo("Dritter Träger");
    Task firstTalk = tasks.createTaskQuery().processInstanceId(consultation.getId()).singleResult();
    assertThat(tasks.getIdentityLinksForTask(firstTalk.getId())).filteredOn(link -> link.getGroupId() != null)
        .extracting(IdentityLink::getGroupId).containsExactly(DREI);

    // Both consultants of the third carrier see it, and only their carrier's consultations.
    for (HttpSession consultant : List.of(drei1, drei2)) {
      Set<String> seen = consultationTaskInstances(consultant);
      assertThat(seen).contains(consultation.getId());
      assertThat(seen).allSatisfy(instance ->
          assertThat(runtime.getVariable(instance, "carrierGroup")).isEqualTo(DREI));
    }
    Set<String> annasInstances = consultationTaskInstances(anna);
    assertThat(annasInstances).as("K3B's demo consultations").isNotEmpty().allSatisfy(instance ->
        assertThat(runtime.getVariable(instance, "carrierGroup")).isEqualTo(K3B));
    assertThat(consultationTaskInstances(new HttpSession(port).basic("fzfd-clara", "demo")))
        .doesNotContain(consultation.getId());
    assertThat(anna.get("/engine-rest/task/" + firstTalk.getId()).statusCode()).isIn(403, 404);
    assertThat(anna.postJson("/engine-rest/task/" + firstTalk.getId() + "/claim", "{\"userId\":\"k3b-anna\"}")
        .statusCode()).isIn(403, 404);

    // The first talk went to the lead, drei-1; drei-2 takes it over, completes it and leads from then
    // on; drei-1 still sees the next task in the carrier's filter.
    assertThat(firstTalk.getAssignee()).isEqualTo("drei-1");
    assertThat(drei2.postJson("/engine-rest/task/" + firstTalk.getId() + "/assignee", "{\"userId\":\"drei-2\"}")
        .statusCode()).isEqualTo(204);
    submit(drei2, firstTalk.getId(), Map.of("administrationHeadRole", "BUERGERMEISTER"));
    Task next = tasks.createTaskQuery().processInstanceId(consultation.getId()).singleResult();
    assertThat(next.getTaskDefinitionKey()).isEqualTo(ConsultationProcess.Tasks.CONCLUDE_COOPERATION_AGREEMENT);
    assertThat(next.getAssignee()).isEqualTo("drei-2");
    HttpSession tasklist = new HttpSession(port);
    assertThat(tasklist.webappLogin("tasklist", "drei-1", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> carrierTasks = tasklist.postJson("/camunda/api/engine/engine/default/filter/"
        + filterId(tasklist, "Aufgaben meines Trägers") + "/list?firstResult=0&maxResults=200", "{}");
    assertThat(carrierTasks.statusCode()).as(carrierTasks.body()).isEqualTo(200);
    assertThat(JSON.readTree(carrierTasks.body()).findValuesAsText("id")).contains(next.getId());

    // Like every carrier's consultants, they read new tasks in their daily digest, not one mail each.
    assertThat(jdbc.queryForList("SELECT recipient FROM kkb_notification WHERE business_key = ? "
        + "AND template = 'task-created'", String.class, reference)).isEmpty();
  }

  @Test
  void theProgrammeEndIsAnnouncedToTheThirdCarriersConsultantsToo() {
    ProcessInstance round = runtime.createProcessInstanceQuery().processDefinitionKey(ProgrammeRoundProcess.KEY)
        .singleResult();
    runtime.createProcessInstanceModification(round.getId())
        .startBeforeActivity("ServiceTask_AnnounceProgrammeEnd").execute();
    ManagementService management = platform.getBean(ManagementService.class);
    management.executeJob(management.createJobQuery().processInstanceId(round.getId())
        .activityId("ServiceTask_AnnounceProgrammeEnd").singleResult().getId());
    assertThat(jdbc.queryForList("SELECT recipient FROM kkb_notification "
        + "WHERE template = 'programme-end-approaching'", String.class)).containsExactlyInAnyOrder(
        "drei-1@drei.example.org", "drei-2@drei.example.org", "anna.kramer@k3b.example.org",
        "ben.boehm@k3b.example.org", "clara.fischer@forumzfd.example.org", "david.falk@forumzfd.example.org",
        "steuerung@kkb.example.org");
  }

  // --- helpers -------------------------------------------------------------------------------------

  /**
   * The lasting grants of a group, without the group: type, resource type, resource id and
   * permissions (the engine's grants on single tasks, and the platform's on single instances whose
   * tasks the group has, come and go with the work).
   */
  private Set<String> grants(String group) {
    Set<String> grants = new HashSet<>();
    platform.getBean(AuthorizationService.class).createAuthorizationQuery().groupIdIn(group).list()
        .stream().filter(a -> a.getResourceType() != Resources.TASK.resourceType())
        .filter(a -> a.getResourceType() != Resources.PROCESS_INSTANCE.resourceType()
            || Authorization.ANY.equals(a.getResourceId()))
        .forEach(a -> grants.add(a.getAuthorizationType() + "|" + a.getResourceType() + "|"
            + (group.equals(a.getResourceId()) ? "own group" : a.getResourceId()) + "|"
            + ((AuthorizationEntity) a).getPermissions()));
    return grants;
  }

  private static List<String> carrierOptions(JsonNode form) {
    List<String> options = new ArrayList<>();
    for (JsonNode component : form.path("components")) {
      if (component.path("key").asText().equals("carrierGroup")) {
        component.path("values").forEach(v -> options.add(v.path("label").asText() + " = "
            + v.path("value").asText()));
      }
    }
    return options;
  }

  private static Set<String> filterNames(HttpSession tasklist) throws Exception {
    HttpResponse<String> list = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task");
    assertThat(list.statusCode()).isEqualTo(200);
    Set<String> names = new HashSet<>();
    JSON.readTree(list.body()).forEach(filter -> names.add(filter.path("name").asText()));
    return names;
  }

  private static String filterId(HttpSession tasklist, String name) throws Exception {
    HttpResponse<String> list = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task");
    for (JsonNode filter : JSON.readTree(list.body())) {
      if (filter.path("name").asText().equals(name)) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("no filter " + name);
  }

  /** The one task of the reference at that step, as the user lists it through the REST API. */
  private static String onlyTask(HttpSession user, String reference, String taskKey) throws Exception {
    HttpResponse<String> response = user.get("/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=" + taskKey);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode found = JSON.readTree(response.body());
    assertThat(found).as(taskKey).hasSize(1);
    return found.get(0).path("id").asText();
  }

  /** Fills the task's deployed form like a user and submits it. */
  private static void submit(HttpSession user, String taskId, Map<String, String> answers) throws Exception {
    JsonNode form = JSON.readTree(user.get("/engine-rest/task/" + taskId + "/deployed-form").body());
    HttpResponse<String> submitted = user.postJson("/engine-rest/task/" + taskId + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", FormFiller.fill(form, answers))));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
  }

  private static Set<String> consultationTaskInstances(HttpSession user) throws Exception {
    HttpResponse<String> response = user.get("/engine-rest/task?processDefinitionKey=Consultation");
    assertThat(response.statusCode()).isEqualTo(200);
    Set<String> instances = new HashSet<>();
    JSON.readTree(response.body()).forEach(t -> instances.add(t.path("processInstanceId").asText()));
    return instances;
  }
}
