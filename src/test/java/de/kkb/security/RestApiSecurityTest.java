package de.kkb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.identity.KkbGroups;
import de.kkb.support.HttpSession;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import de.kkb.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class RestApiSecurityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  IdentityService identityService;

  @Test
  void anonymousCallsAreRejectedAndDemoAdminGetsIn() throws Exception {
    HttpResponse<String> anonymous = new HttpSession(port).get("/engine-rest/process-definition");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Basic"));

    HttpResponse<String> wrongPassword =
        new HttpSession(port).basic("niemand", "falsch").get("/engine-rest/process-definition");
    assertThat(wrongPassword.statusCode()).isEqualTo(401);

    HttpResponse<String> admin =
        new HttpSession(port).basic("demo", "demo").get("/engine-rest/process-definition");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(admin.body()).findValuesAsText("key")).contains(InterventionProcess.KEY);
  }

  @Test
  void consultantSeesNothingSheHasNoPermissionFor() throws Exception {
    String instanceId = runtimeService.startProcessInstanceByKey(InterventionProcess.KEY, "KKB-TEST-001",
        Map.of("carrierGroup", KkbGroups.CONSULTANTS_FORUMZFD, "municipalityName", "Teststadt",
            "measureTitle", "Runder Tisch", "plannedDate", "2030-01-15")).getId();
    try {
      JsonNode adminView = JSON.readTree(new HttpSession(port).basic("demo", "demo")
          .get("/engine-rest/process-instance").body());
      assertThat(adminView.findValuesAsText("id")).contains(instanceId);

      HttpSession anna = new HttpSession(port).basic("k3b-anna", "demo");
      // Instances and deployments are not part of a consultant's work: refused as a whole.
      HttpResponse<String> instances = anna.get("/engine-rest/process-instance");
      assertThat(instances.statusCode()).isEqualTo(403);
      assertThat(instances.body()).contains("Keine Berechtigung").doesNotContain(instanceId);
      HttpResponse<String> tasks = anna.get("/engine-rest/task");
      assertThat(tasks.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(tasks.body())).isEmpty();
      HttpResponse<String> deployments = anna.get("/engine-rest/deployment");
      assertThat(deployments.statusCode()).isEqualTo(403);

      HttpResponse<String> createUser = anna.postJson("/engine-rest/user/create",
          "{\"profile\":{\"id\":\"eindringling\",\"firstName\":\"E\",\"lastName\":\"E\"},"
              + "\"credentials\":{\"password\":\"Geheim!12345\"}}");
      assertThat(createUser.statusCode()).isEqualTo(403);
      assertThat(identityService.createUserQuery().userId("eindringling").count()).isZero();
    } finally {
      runtimeService.deleteProcessInstance(instanceId, "test cleanup");
    }
  }

  @Test
  void setupEndpointIsRefusedEvenWhenTheAdminGroupHasNoDirectMember() {
    // The vulnerable state: camunda-admin without a direct member.
    identityService.deleteMembership("demo", KkbGroups.ADMINS);
    try {
      assertThat(identityService.createUserQuery().memberOfGroup(KkbGroups.ADMINS).count()).isZero();
      String body = "{\"profile\":{\"id\":\"angreifer\",\"firstName\":\"A\",\"lastName\":\"B\","
          + "\"email\":\"a@example.org\"},\"credentials\":{\"password\":\"Geheim!12345\"}}";
      for (String path : new String[] {
          "/camunda/api/admin/setup/default/user/create",
          "/camunda//api/admin/setup/default/user/create",
          "/camunda/api/admin/./setup/default/user/create",
          "/camunda/api/admin/%73etup/default/user/create",
          "/camunda/api/admin/SETUP/default/user/create",
          "/camunda/api/admin/setup;x=y/default/user/create"}) {
        HttpSession browser = new HttpSession(port);
        browser.get("/camunda/app/admin/");
        HttpResponse<String> response = browser.postJson(path, body);
        assertThat(response.statusCode()).as(path).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("angreifer").count()).as(path).isZero();
      }
      HttpResponse<String> plain = new HttpSession(port)
          .postJson("/camunda/api/admin/setup/default/user/create", body);
      assertThat(plain.statusCode()).isEqualTo(403);
      assertThat(plain.body()).contains("Ersteinrichtung");
    } finally {
      identityService.createMembership("demo", KkbGroups.ADMINS);
    }
  }

  @Test
  void expressionsInQueriesAreRefusedWith400() throws Exception {
    HttpSession admin = new HttpSession(port).basic("demo", "demo");

    HttpResponse<String> orQuery = admin.postJson("/engine-rest/task",
        "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}");
    assertThat(orQuery.statusCode()).isEqualTo(400);
    assertThat(orQuery.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(orQuery.body()).path("parameter").asText())
        .isEqualTo("orQueries[0].assigneeExpression");

    HttpResponse<String> hashExpression = admin.postJson("/engine-rest/task",
        "{\"orQueries\":[{\"candidateGroupExpression\":\"#{1+1}\"}]}");
    assertThat(hashExpression.statusCode()).isEqualTo(400);

    HttpResponse<String> escaped = admin.postJson("/engine-rest/task",
        "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{currentUser()}\"}]}");
    assertThat(escaped.statusCode()).isEqualTo(400);

    HttpResponse<String> inQueryParameter =
        admin.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D");
    assertThat(inQueryParameter.statusCode()).isEqualTo(400);

    HttpResponse<String> webapp = new HttpSession(port).postJson(
        "/camunda/api/engine/engine/default/task",
        "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}");
    assertThat(webapp.statusCode()).isEqualTo(400);

    // The same queries without expressions still work.
    assertThat(admin.postJson("/engine-rest/task", "{\"orQueries\":[{\"assignee\":\"demo\"}]}")
        .statusCode()).isEqualTo(200);
    assertThat(admin.get("/engine-rest/task?assignee=demo").statusCode()).isEqualTo(200);
  }

  @Test
  void variableValuesMayContainExpressionLikeText() throws Exception {
    HttpSession admin = new HttpSession(port).basic("demo", "demo");
    HttpResponse<String> started = admin.postJson(
        "/engine-rest/process-definition/key/Intervention/start",
        "{\"variables\":{"
            + "\"carrierGroup\":{\"value\":\"consultants-k3b\",\"type\":\"String\"},"
            + "\"plannedDate\":{\"value\":\"2030-02-01\",\"type\":\"String\"},"
            + "\"measureTitle\":{\"value\":\"Workshop ${Titel} #{Nr}\",\"type\":\"String\"}}}");
    assertThat(started.statusCode()).isEqualTo(200);
    String id = JSON.readTree(started.body()).path("id").asText();
    assertThat(runtimeService.getVariable(id, "measureTitle")).isEqualTo("Workshop ${Titel} #{Nr}");
    runtimeService.deleteProcessInstance(id, "test cleanup");
  }

  @Test
  void onlyHealthIsPublicAndNoDatabaseConsole() {
    HttpSession anonymous = new HttpSession(port);
    HttpResponse<String> health = anonymous.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details");
    HttpSession admin = new HttpSession(port).basic("demo", "demo");
    for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/metrics", "/actuator/beans",
        "/actuator/configprops", "/actuator/heapdump", "/h2-console", "/h2-console/"}) {
      HttpResponse<String> refused = anonymous.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.body()).as(path).contains("Anmeldung erforderlich").doesNotContain("_links");
      assertThat(admin.get(path).statusCode()).as("not even for admins: " + path).isEqualTo(404);
    }
  }

  @Test
  void landingPageIsGermanAndLinksTheWebapps() {
    HttpResponse<String> page = new HttpSession(port).get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("<html lang=\"de\">", "Kommunale Konfliktberatung")
        .contains("href=\"/camunda/app/tasklist/\"", "href=\"/camunda/app/cockpit/\"",
            "href=\"/camunda/app/admin/\"");
    // The round in force and the carriers come from the configuration, not from the page.
    assertThat(page.body())
        .contains("Die Beratung leisten die Träger <span>K3B und forumZFD</span>.")
        .containsPattern("Programmrunde <span>[A-Zä][a-zä]+ \\d{4}</span>");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }
}
