package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.EngineTime;
import de.kkb.support.FormerApplicantAccount;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request from the API and one from Tasklist's start form take the same way to a consultation. */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class RequestToConsultationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  @Test
  void requestsFromTheIntakeReachAConsultationAndShowTheirStatusByTokenOnly() throws Exception {
    // Through the public API, with an access token.
    HttpResponse<String> created = new HttpSession(port).postJson("/api/consultation-requests",
        JSON.writeValueAsString(IntakeApiTest.validRequest()));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode api = JSON.readTree(created.body());
    String apiReference = api.path(CommonVariables.REFERENCE).asText();

    // Tasklist is no way in: an applicant's account of earlier versions may not start a request.
    String formerApplicant = FormerApplicantAccount.create(identityService);
    HttpResponse<String> byTasklist = new HttpSession(port).basic(formerApplicant, FormerApplicantAccount.PASSWORD).postJson(
        "/engine-rest/process-definition/key/ConsultationRequest/submit-form", "{\"variables\":{}}");
    assertThat(byTasklist.statusCode()).isEqualTo(403);

    // A second request through the API, which the municipality follows with its token as well.
    HttpResponse<String> second = new HttpSession(port).postJson("/api/consultation-requests",
        JSON.writeValueAsString(IntakeApiTest.validRequest()));
    assertThat(second.statusCode()).isEqualTo(201);
    String tasklistReference = JSON.readTree(second.body()).path(CommonVariables.REFERENCE).asText();
    assertThat(tasklistReference).matches("KKB-2023-\\d{3}").isNotEqualTo(apiReference);

    for (String reference : new String[] {apiReference, tasklistReference}) {
      ProcessInstance request = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(ConsultationRequestProcess.KEY).processInstanceBusinessKey(reference).singleResult();
      complete(request, Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "COMPLETE"));
      complete(request, Map.of(ConsultationRequestProcess.Variables.PRELIMINARY_TALK_DATE, "2023-07-10", ConsultationRequestProcess.Variables.PRELIMINARY_TALK_PARTICIPANTS, 3,
          ConsultationRequestProcess.Variables.TALK_RECOMMENDATION, "Beratung empfohlen", ConsultationRequestProcess.Variables.TALK_RECOMMENDATION_NOTE, "Klarer Auftrag."));
      complete(request, Map.of(ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED", CommonVariables.CARRIER_GROUP, "consultants-forumzfd",
          CommonVariables.CONSULTANT_TEAM, "fzfd-clara,fzfd-david", CommonVariables.CONSULTANT_LEAD, "fzfd-clara",
          ConsultationRequestProcess.Variables.SELECTION_REASON, "Dringender Bedarf."));
      ProcessInstance consultation = runtimeService.createProcessInstanceQuery()
          .superProcessInstanceId(request.getId()).singleResult();
      assertThat(consultation.getBusinessKey()).isEqualTo(reference);
      assertThat(runtimeService.getVariable(consultation.getId(), CommonVariables.CARRIER)).isEqualTo("forumZFD");
    }

    HttpResponse<String> byToken = new HttpSession(port).get("/api/consultation-requests/" + apiReference,
        "X-Access-Token", api.path("accessToken").asText());
    assertThat(byToken.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(byToken.body()).path("status").asText()).isEqualTo("ausgewählt");

    // The status is read with the access token only: the applicant's engine account (HTTP Basic)
    // without a token gets the same 404 as a wrong token, and so does any other account.
    HttpResponse<String> wrongToken = new HttpSession(port)
        .get("/api/consultation-requests/" + tasklistReference, "X-Access-Token", "falsch");
    HttpResponse<String> byLogin = new HttpSession(port).basic(formerApplicant, FormerApplicantAccount.PASSWORD)
        .get("/api/consultation-requests/" + tasklistReference);
    FormerApplicantAccount.delete(identityService);
    HttpResponse<String> otherApplicant = new HttpSession(port).basic("k3b-anna", "demo")
        .get("/api/consultation-requests/" + tasklistReference);
    for (HttpResponse<String> response : List.of(wrongToken, byLogin, otherApplicant)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(wrongToken.body()));
    }
  }

  private void complete(ProcessInstance request, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(request.getId()).singleResult()
        .getId(), variables);
  }
}
