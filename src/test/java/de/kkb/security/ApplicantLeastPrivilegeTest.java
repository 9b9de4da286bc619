package de.kkb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.identity.AuthorizationSetup;
import de.kkb.identity.IdentityBootstrap;
import de.kkb.identity.KkbGroups;
import de.kkb.support.FormerApplicantAccount;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request starts only through the intake: applicants have no account (the platform creates none,
 * and no group for them), an account without a group has no grant on the engine, and nobody chooses
 * a business key. The account the tests use is one of an earlier version ({@link FormerApplicantAccount}).
 */
@PlatformTest
@ExtendWith(FormerApplicantAccount.class)
class ApplicantLeastPrivilegeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REQUEST_START = "{\"variables\":{"
      + "\"municipalityName\":{\"value\":\"Musterstadt\"},\"population\":{\"value\":-5,\"type\":\"Integer\"},"
      + "\"contactEmail\":{\"value\":\"a@b.example\\r\\nBcc: c@d.example\"}}}";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  @Autowired
  HistoryService historyService;
  @Autowired
  AuthorizationService authorizationService;

  @Autowired
  IdentityBootstrap identityBootstrap;
  @Autowired
  AuthorizationSetup authorizationSetup;

  @Test
  void thereIsNoApplicantsGroupAndNoGrantForIt() {
    assertThat(identityService.createGroupQuery().groupId(KkbGroups.APPLICANTS).count()).isZero();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(KkbGroups.APPLICANTS).count()).isZero();
  }

  @Test
  void theStartUpRemovesTheApplicantsGroupAnEarlierVersionLeftWithItsGrantsAndMembers() {
    identityService.saveGroup(identityService.newGroup(KkbGroups.APPLICANTS));
    identityService.createMembership(FormerApplicantAccount.ID, KkbGroups.APPLICANTS);
    authorizationSetup.grant(KkbGroups.APPLICANTS, Resources.APPLICATION, AuthorizationSetup.TASKLIST,
        Permissions.ACCESS);

    identityBootstrap.run();

    assertThat(identityService.createGroupQuery().groupId(KkbGroups.APPLICANTS).count()).isZero();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(KkbGroups.APPLICANTS).count()).isZero();
    assertThat(identityService.createGroupQuery().groupMember(FormerApplicantAccount.ID).count()).isZero();
    assertThat(new HttpSession(port).webappLogin("tasklist", FormerApplicantAccount.ID,
        FormerApplicantAccount.PASSWORD).statusCode()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/process-definition/key/ConsultationRequest/start",
      "/engine-rest/process-definition/key/ConsultationRequest/submit-form",
      "/engine-rest/process-definition/key/Consultation/start",
      "/engine-rest/process-definition/key/Intervention/start",
      "/engine-rest/message", "/engine-rest/signal", "/engine-rest/condition"})
  void anApplicantAccountStartsNothingThroughTheRestApi(String path) {
    long before = historyService.createHistoricProcessInstanceQuery().count();
    HttpResponse<String> response = new HttpSession(port).basic(FormerApplicantAccount.ID, FormerApplicantAccount.PASSWORD)
        .postJson(path, REQUEST_START);
    assertThat(response.statusCode()).as(path).isEqualTo(403);
    assertThat(response.body()).contains("Keine Berechtigung");
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void anApplicantAccountCannotOpenTasklistNorItsEngineApi() {
    HttpSession browser = new HttpSession(port);
    assertThat(browser.webappLogin("tasklist", FormerApplicantAccount.ID, "demo").statusCode()).isEqualTo(403);
    HttpSession welcome = new HttpSession(port);
    assertThat(welcome.webappLogin("welcome", FormerApplicantAccount.ID, "demo").statusCode()).isEqualTo(200);
    long before = historyService.createHistoricProcessInstanceQuery().count();
    HttpResponse<String> start = welcome.postJson(
        "/camunda/api/engine/engine/default/process-definition/key/ConsultationRequest/submit-form",
        REQUEST_START);
    assertThat(start.statusCode()).isEqualTo(403);
    assertThat(welcome.get("/camunda/api/engine/engine/default/process-definition").statusCode()).isEqualTo(403);
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void consultantsCannotStartARequestEitherAndLearnNothingFromTheRefusal() throws Exception {
    long before = historyService.createHistoricProcessInstanceQuery().count();
    HttpResponse<String> response = new HttpSession(port).basic("k3b-anna", "demo")
        .postJson("/engine-rest/process-definition/key/ConsultationRequest/start", REQUEST_START);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("detail").asText())
        .isEqualTo("Nicht gefunden oder nicht für Sie freigegeben.");
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void programmeManagementCannotChooseABusinessKeyForAConsultation() throws Exception {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY).count();
    String body = JSON.writeValueAsString(Map.of("businessKey", "FREMD-001", "variables", Map.of(
        "reference", Map.of("value", "KKB-2024-077"), "municipalityName", Map.of("value", "Rheinhausen"),
        "carrierGroup", Map.of("value", "consultants-k3b"))));
    HttpResponse<String> response = new HttpSession(port).basic("steuerung", "demo")
        .postJson("/engine-rest/process-definition/key/Consultation/start", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("parameter").asText()).isEqualTo("businessKey");
    assertThat(response.body()).contains("Geschäftsschlüssel");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY).count())
        .isEqualTo(before);
  }
}
