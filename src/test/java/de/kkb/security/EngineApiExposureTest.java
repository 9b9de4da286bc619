package de.kkb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kkb.identity.KkbGroups;
import de.kkb.support.FormerApplicantAccount;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every resource of Camunda's REST API reference, called as each demo user while a forumZFD
 * consultation runs: what each user gets is written to {@code target/engine-api-exposure.md}, and a
 * K3B consultant and an applicant learn nothing about the forumZFD municipality (no id, no key, no
 * name in any answer, no count, no difference between its ids and ids that do not exist).
 */
@PlatformTest
@ExtendWith(FormerApplicantAccount.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineApiExposureTest {

  private static final String REFERENCE = "KKB-2099-901";
  private static final String MUNICIPALITY = "Geheimhausen";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  RepositoryService repositoryService;

  String instance;
  String task;
  String definition;
  String deployment;

  @BeforeAll
  void foreignConsultation() {
    instance = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference", REFERENCE,
        "municipalityName", MUNICIPALITY, "carrierGroup", KkbGroups.CONSULTANTS_FORUMZFD,
        "consultantTeam", "Team")).getId();
    task = taskService.createTaskQuery().processInstanceId(instance).list().get(0).getId();
    var processDefinition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ConsultationProcess.KEY)
        .latestVersion().singleResult();
    definition = processDefinition.getId();
    deployment = processDefinition.getDeploymentId();
  }

  @AfterAll
  void cleanUp() {
    if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
      runtimeService.deleteProcessInstance(instance, "test cleanup");
    }
  }

  /** Calls that would change or end the consultation are made only by those who must be refused. */
  private static boolean changes(String endpoint) {
    return !endpoint.startsWith("GET ") && (endpoint.contains("{instance}") || endpoint.contains("{task}")
        || endpoint.contains("/start") || endpoint.contains("/execute"));
  }

  /** Method and path of every resource group in Camunda 7.24's REST API reference; {id} is replaced. */
  static final List<String> ENDPOINTS = List.of(
      "GET /authorization", "GET /authorization/count", "GET /authorization/check?permissionName=READ&resourceName=Process%20Instance&resourceType=8&resourceId={instance}",
      "GET /batch", "GET /batch/statistics", "POST /condition",
      "GET /decision-definition", "GET /decision-definition/count", "GET /decision-requirements-definition",
      "GET /deployment", "GET /deployment/count", "GET /deployment/{deployment}", "GET /deployment/{deployment}/resources",
      "GET /engine", "GET /event-subscription", "GET /event-subscription/count",
      "GET /execution", "GET /execution/count", "GET /execution/{instance}", "GET /execution/{instance}/localVariables",
      "POST /execution/{instance}/signal",
      "GET /external-task", "GET /external-task/count", "POST /external-task/fetchAndLock",
      "GET /filter", "GET /filter/count",
      "GET /group", "GET /group/count", "GET /group?member=fzfd-clara", "POST /group",
      "GET /group/" + KkbGroups.CONSULTANTS_FORUMZFD, "OPTIONS /filter",
      "GET /history/activity-instance", "GET /history/activity-instance/count",
      "GET /history/activity-instance?processInstanceId={instance}", "GET /history/batch",
      "GET /history/decision-instance", "GET /history/detail", "GET /history/detail?processInstanceId={instance}",
      "GET /history/external-task-log", "GET /history/identity-link-log", "GET /history/identity-link-log?taskId={task}",
      "GET /history/incident", "GET /history/job-log", "GET /history/job-log/count",
      "GET /history/process-definition/cleanable-process-instance-report",
      "GET /history/process-instance", "GET /history/process-instance/count", "GET /history/process-instance/{instance}",
      "POST /history/process-instance/report?reportType=duration&periodUnit=month",
      "GET /history/task", "GET /history/task/count", "GET /history/task?processInstanceBusinessKey=" + REFERENCE,
      "GET /history/user-operation", "GET /history/user-operation?processInstanceId={instance}",
      "GET /history/user-operation?taskId={task}",
      "GET /history/variable-instance", "GET /history/variable-instance/count",
      "GET /history/variable-instance?processInstanceId={instance}",
      "GET /history/cleanup/jobs", "GET /identity/groups?userId=fzfd-clara",
      "GET /identity/groups?userId=k3b-anna", "GET /identity/password-policy",
      "GET /incident", "GET /incident/count", "GET /job", "GET /job/count", "GET /job-definition",
      "POST /message", "GET /metrics/activity-instance/sum", "POST /migration/generate",
      "POST /modification/execute", "GET /process-definition", "GET /process-definition/count",
      "GET /process-definition/statistics", "GET /process-definition/{definition}/statistics",
      "GET /process-definition/{definition}/xml", "GET /process-definition/key/Consultation/deployed-start-form",
      "POST /process-definition/{definition}/start", "GET /process-instance", "GET /process-instance/count",
      "GET /process-instance/{instance}", "GET /process-instance/{instance}/variables",
      "GET /process-instance/{instance}/activity-instances", "DELETE /process-instance/{instance}",
      "POST /process-instance/{instance}/modification", "GET /schema/log", "POST /signal",
      "GET /task", "GET /task/count", "GET /task?processInstanceBusinessKey=" + REFERENCE,
      "GET /task?processVariables=municipalityName_eq_" + MUNICIPALITY,
      "GET /task/{task}", "GET /task/{task}/variables", "GET /task/{task}/form-variables",
      "GET /task/{task}/deployed-form", "GET /task/{task}/comment", "GET /task/{task}/identity-links",
      "GET /task/{task}/attachment", "POST /task/{task}/claim", "POST /task/{task}/submit-form",
      "PUT /task/{task}", "GET /task/report/candidate-group-count", "GET /telemetry/data",
      "GET /tenant", "GET /user", "GET /user/count", "GET /user/fzfd-clara/profile",
      "GET /variable-instance", "GET /variable-instance/count",
      "GET /variable-instance?processInstanceIdIn={instance}", "GET /version");

  @Test
  void everyUserGetsExactlyTheirPartAndConsultantsLearnNothingAboutTheOtherCarrier() throws IOException {
    List<String> users = List.of("demo", "steuerung", "k3b-anna", "k3b-ben", "fzfd-clara", "fzfd-david",
        FormerApplicantAccount.ID);
    Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String endpoint : ENDPOINTS) {
      Map<String, Integer> row = new LinkedHashMap<>();
      for (String user : users) {
        if (changes(endpoint) && !user.startsWith("k3b-") && !user.equals(FormerApplicantAccount.ID)) {
          row.put(user, null);
          continue;
        }
        HttpResponse<String> real = call(user, endpoint, instance, task);
        row.put(user, real.statusCode());
        if (real.statusCode() == 401) {
          problems.add(user + " " + endpoint + ": 401 for a valid login");
        }
        if (user.startsWith("k3b-")) {
          checkConsultant(user, endpoint, real, problems);
        }
        if (user.equals(FormerApplicantAccount.ID) && real.statusCode() != 403) {
          problems.add("applicant " + endpoint + ": " + real.statusCode() + " instead of 403");
        }
      }
      table.put(endpoint, row);
    }
    write(table, users);
    assertThat(problems).isEmpty();
    // Groups: a consultant reads only the group she is a member of, nobody else's memberships.
    HttpSession anna = new HttpSession(port).basic("k3b-anna", "demo");
    assertThat(anna.get("/engine-rest/group").body()).contains(KkbGroups.CONSULTANTS_K3B)
        .doesNotContain(KkbGroups.CONSULTANTS_FORUMZFD, KkbGroups.PROGRAMME_MANAGEMENT);
    assertThat(anna.get("/engine-rest/group/count").body()).isEqualTo("{\"count\":1}");
    assertThat(anna.get("/engine-rest/group?member=fzfd-clara").body()).isEqualTo("[]");
    // The forumZFD consultants, who work on it, see its task.
    assertThat(table.get("GET /task/{task}").get("fzfd-clara")).isEqualTo(200);
    // Programme management reads the whole programme (the engine's grants decide the rest).
    assertThat(table.get("GET /process-instance/{instance}").get("steuerung")).isEqualTo(200);
    assertThat(table.get("GET /history/process-instance/{instance}").get("steuerung")).isEqualTo(200);
    assertThat(table.get("GET /task/{task}").get("steuerung")).isEqualTo(200);
    // The routes that told consultants about others before are closed for them.
    for (String closed : List.of("GET /process-definition/statistics", "GET /history/job-log", "POST /message",
        "POST /signal", "GET /process-instance", "GET /history/process-instance", "GET /execution",
        "GET /variable-instance", "GET /history/detail", "GET /incident", "GET /job")) {
      assertThat(table.get(closed).get("k3b-anna")).as(closed).isEqualTo(403);
    }
    assertThat(table.get("GET /task").get("k3b-anna")).isEqualTo(200);
    assertThat(table.get("GET /identity/groups?userId=fzfd-clara").get("k3b-anna")).isEqualTo(403);
    assertThat(table.get("GET /identity/groups?userId=k3b-anna").get("k3b-anna")).isEqualTo(200);
    assertThat(table.get("GET /task/{task}").get("k3b-anna")).isEqualTo(404);
  }

  @Test
  void theWebappsEngineApiAndCockpitsPluginApiHoldTheSameLine() throws Exception {
    HttpSession anna = new HttpSession(port);
    assertThat(anna.webappLogin("tasklist", "k3b-anna", "demo").statusCode()).isEqualTo(200);
    String engine = "/camunda/api/engine/engine/default";
    HttpResponse<String> foreign = anna.get(engine + "/task/" + task);
    HttpResponse<String> unknown = anna.get(engine + "/task/" + UUID.randomUUID());
    assertThat(foreign.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(unknown.body()).doesNotContain(task, instance);
    assertThat(anna.get(engine + "/process-definition/statistics").statusCode()).isEqualTo(403);
    assertThat(anna.get(engine + "/history/job-log").statusCode()).isEqualTo(403);
    HttpResponse<String> plugin = anna.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
    assertThat(plugin.statusCode()).isEqualTo(403);
    assertThat(plugin.body()).doesNotContain(ConsultationProcess.KEY);
    assertThat(anna.get(engine + "/filter?resourceType=Task").statusCode()).isEqualTo(200);
    HttpResponse<String> message = anna.postJson(engine + "/message",
        "{\"messageName\":\"CriticalEscalationReported\",\"businessKey\":\"" + REFERENCE + "\"}");
    assertThat(message.statusCode()).isEqualTo(403);
    assertThat(message.body()).doesNotContain(instance);

    HttpSession steuerung = new HttpSession(port);
    assertThat(steuerung.webappLogin("cockpit", "steuerung", "demo").statusCode()).isEqualTo(200);
    assertThat(steuerung.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
        .statusCode()).isEqualTo(200);
  }

  private void checkConsultant(String user, String endpoint, HttpResponse<String> real,
      List<String> problems) {
    String body = real.body();
    for (String secret : List.of(instance, task, REFERENCE, MUNICIPALITY)) {
      if (body.contains(secret)) {
        problems.add(user + " " + endpoint + ": answer names " + secret);
      }
    }
    if (real.statusCode() >= 500) {
      problems.add(user + " " + endpoint + ": " + real.statusCode());
    }
    if (endpoint.contains("{instance}") || endpoint.contains("{task}")) {
      HttpResponse<String> unknown = call(user, endpoint, UUID.randomUUID().toString(),
          UUID.randomUUID().toString());
      if (unknown.statusCode() != real.statusCode() || !unknown.body().equals(body)) {
        problems.add(user + " " + endpoint + ": the other carrier's id answers " + real.statusCode()
            + ", an unknown id " + unknown.statusCode());
      }
    }
    // Filters and process definitions are the same for everyone, tasks and groups are their own
    // (checked below); every other count must be nil.
    if (!endpoint.contains("?") && endpoint.endsWith("/count") && real.statusCode() == 200
        && !endpoint.startsWith("GET /filter") && !endpoint.startsWith("GET /process-definition")
        && !endpoint.startsWith("GET /task") && !endpoint.startsWith("GET /group")
        && !body.contains("\"count\":0")) {
      problems.add(user + " " + endpoint + ": counts something: " + body);
    }
  }

  private HttpResponse<String> call(String user, String endpoint, String instanceId, String taskId) {
    String[] parts = endpoint.split(" ", 2);
    String path = "/engine-rest" + parts[1].replace("{instance}", instanceId).replace("{task}", taskId)
        .replace("{definition}", definition).replace("{deployment}", deployment);
    HttpSession session = new HttpSession(port).basic(user, "demo");
    return switch (parts[0]) {
      case "GET" -> session.get(path);
      case "POST" -> session.postJson(path, "{}");
      case "PUT" -> session.send(path, "PUT", "{}");
      case "DELETE", "OPTIONS" -> session.send(path, parts[0], null);
      default -> throw new IllegalArgumentException(endpoint);
    };
  }

  private static void write(Map<String, Map<String, Integer>> table, List<String> users) throws IOException {
    StringBuilder out = new StringBuilder("# Engine REST API: what each demo user gets\n\n| endpoint | "
        + String.join(" | ", users) + " |\n|---|" + "---|".repeat(users.size()) + "\n");
    table.forEach((endpoint, row) -> out.append("| `").append(endpoint).append("` | ")
        .append(String.join(" | ", row.values().stream()
            .map(status -> status == null ? "(not called)" : String.valueOf(status)).toList())).append(" |\n"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "engine-api-exposure.md"), out, StandardCharsets.UTF_8);
  }
}
