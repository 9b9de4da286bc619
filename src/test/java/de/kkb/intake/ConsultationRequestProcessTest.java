package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kkb.consultation.ConsultationProcessTest;
import de.kkb.consultation.ConsultationTeamProcessTest;
import de.kkb.notification.SendNotificationJobHandler;
import de.kkb.support.EngineTime;
import de.kkb.support.Jobs;
import de.kkb.support.TestEngines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.mock.web.MockMultipartFile;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of "Beratungsanfrage", with the real places, waiting list and consultation. */
@EngineTime("2023-07-03T09:00")
@Deployment(resources = {"processes/consultation-request.bpmn", "processes/eligibility.dmn",
    "processes/consultation.bpmn", "processes/intervention.bpmn"})
class ConsultationRequestProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(TestEngines.processTestConfiguration())
      .excludeProcessDefinitionKeys(ConsultationProcess.KEY, InterventionProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String DESCRIPTION = "Seit dem Umbau des Marktplatzes streiten Verwaltung, Händler "
      + "und Anwohnende; Ratssitzungen eskalieren.";

  JdbcTemplate jdbc;
  int nextAgs = 1;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine.getProcessEngine());
    TestEngines.demoConsultants(engine.getProcessEngine());
    jdbc = TestEngines.bean(engine.getProcessEngine(), JdbcTemplate.class);
    jdbc.update("DELETE FROM kkb_place");
    jdbc.update("DELETE FROM kkb_request");
    jdbc.update("DELETE FROM kkb_document");
    // Notices of earlier tests: their rows go, so their pending sending jobs go too.
    managementService().createJobQuery().list().stream()
        .filter(job -> SendNotificationJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType()))
        .forEach(job -> managementService().deleteJob(job.getId()));
    jdbc.update("DELETE FROM kkb_notification");
  }

  @Test
  void aMunicipalityOutsideNrwIsNotEligible() {
    ProcessInstance request = submit("09162000", "München");
    assertThat(request).isEnded().hasPassed("EndEvent_NotEligible")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "nicht ausgewählt");
    assertThat(request.getBusinessKey()).isEqualTo("KKB-2023-001");
    assertThat((String) BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(request.getId()).variableName(ConsultationRequestProcess.Variables.ELIGIBILITY).singleResult().getValue()
        .toString()).contains("nicht in Nordrhein-Westfalen");
    assertThat(openAgs(request)).as("closed: the municipality may apply again").isNull();
  }

  @Test
  void missingDocumentsAreProvidedAndTheRequestIsNotSelected() {
    ProcessInstance request = submit(nrwAgs(), "Musterstadt");
    assertThat(request).isWaitingAt(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS).variables()
        .containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "in Prüfung").containsEntry(CommonVariables.REFERENCE, "KKB-2023-001");
    assertThat(task(request)).hasCandidateGroup("programme-management");
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING",
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Beschluss des Rates"));
    assertThat(request).isWaitingAt("ReceiveTask_AwaitDocuments")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "Unterlagen fehlen");
    runtimeService().createMessageCorrelation(ConsultationRequestProcess.Messages.DOCUMENTS_PROVIDED)
        .processInstanceBusinessKey(request.getBusinessKey()).correlate();
    assertThat(request).isWaitingAt(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS);
    assertThat(BpmnAwareTests.taskService().getVariable(task(request).getId(),
        ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE)).as("the second check starts without a result").isNull();
    assertThat(BpmnAwareTests.taskService().getVariable(task(request).getId(),
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS)).as("what was missing stays in view").isNotNull();
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "COMPLETE"));
    holdTalk(request);
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.SELECTION_DECISION, "NOT_SELECTED",
        ConsultationRequestProcess.Variables.SELECTION_REASON, "Andere Kommunen haben dringenderen Bedarf."));
    assertThat(request).isEnded().hasPassed("EndEvent_NotSelected")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "nicht ausgewählt");
  }

  @Test
  void withoutDocumentsWithinFourteenDaysTheRequestIsWithdrawn() {
    ProcessInstance request = submit(nrwAgs(), "Musterstadt");
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING", ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "x"));
    Jobs.setClock("2023-07-14T08:59");
    assertThat(Jobs.runDueJobs(managementService())).isZero();
    Jobs.setClock("2023-07-14T09:01");
    assertThat(Jobs.runDueJobs(managementService())).as("the reminder after 11 days").isEqualTo(1);
    assertThat(request).hasPassed("EndEvent_DocumentsReminded").isWaitingAt("ReceiveTask_AwaitDocuments");
    assertThat(jdbc.queryForList("SELECT template FROM kkb_notification WHERE business_key = ? "
        + "ORDER BY created_at", String.class, request.getBusinessKey()))
        .containsExactly("request-received", "documents-missing", "documents-reminder");
    // The notices name the end of the deadline (kkb.intake.documents-deadline, 14 days here).
    assertThat(jdbc.queryForObject("SELECT body_text FROM kkb_notification WHERE business_key = ? "
        + "AND template = 'documents-missing'", String.class, request.getBusinessKey()))
        .contains("bis zum 17.07.2023, 09:00 Uhr");
    assertThat(jdbc.queryForObject("SELECT body_text FROM kkb_notification WHERE business_key = ? "
        + "AND template = 'documents-reminder'", String.class, request.getBusinessKey()))
        .contains("Die Frist endet am 17.07.2023.");
    Jobs.setClock("2023-07-17T08:59");
    assertThat(Jobs.runDueJobs(managementService())).isZero();
    Jobs.setClock("2023-07-17T09:01");
    assertThat(Jobs.runDueJobs(managementService())).isEqualTo(1);
    assertThat(request).isEnded().hasPassed("EndEvent_RequestLapsed")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "zurückgezogen");
    assertThat(openAgs(request)).isNull();
  }

  @Test
  void aSelectedMunicipalityGetsItsConsultation() {
    ProcessInstance request = toDecision(nrwAgs(), "Musterstadt");
    select(request, "consultants-forumzfd");
    assertThat(request).isWaitingAt("CallActivity_Consultation")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "ausgewählt");
    ProcessInstance consultation = consultationOf(request);
    assertThat(consultation.getBusinessKey()).isEqualTo(request.getBusinessKey());
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.HOLD_FIRST_TALK).variables()
        .containsEntry(CommonVariables.CARRIER, "forumZFD").containsEntry(CommonVariables.MUNICIPALITY_NAME, "Musterstadt");
    assertThat(placesTaken()).isEqualTo(1);
  }

  @Test
  void theSelectionFormOffersTheCarriersConsultantsAndARefusalReturnsToTheDecider() {
    ProcessInstance request = toDecision(nrwAgs(), "Wahlstadt");
    org.camunda.bpm.engine.task.Task decision = task(ConsultationRequestProcess.Tasks.DECIDE_SELECTION, request);
    assertThat(decision).isNotAssigned();
    // What the form shows: free places and every carrier's consultants as options.
    assertThat(BpmnAwareTests.taskService().getVariable(decision.getId(), ConsultationRequestProcess.Variables.FREE_PLACES))
        .isEqualTo(4);
    assertThat(BpmnAwareTests.taskService().getVariableTyped(decision.getId(),
        ConsultationRequestProcess.Variables.CONSULTANT_OPTIONS).getValue().toString())
        .contains("{\"label\":\"Anna Kramer (K3B)\",\"value\":\"k3b-anna\"}")
        .contains("{\"label\":\"Clara Fischer (forumZFD)\",\"value\":\"fzfd-clara\"}");

    BpmnAwareTests.taskService().claim(decision.getId(), "steuerung");
    complete(decision, withVariables(ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED",
        CommonVariables.CARRIER_GROUP, "consultants-k3b", CommonVariables.CONSULTANT_TEAM, "k3b-anna,fzfd-clara",
        CommonVariables.CONSULTANT_LEAD, "k3b-anna", ConsultationRequestProcess.Variables.SELECTION_REASON, "Bedarf."));
    assertThat(request).isWaitingAt(ConsultationRequestProcess.Tasks.DECIDE_SELECTION).hasPassed("BoundaryEvent_SelectionRefused");
    assertThat((String) runtimeService().getVariable(request.getId(), ConsultationRequestProcess.Variables.SELECTION_REFUSAL))
        .isEqualTo("Clara Fischer gehört nicht zu den Berater:innen von K3B. Bitte Team und Federführung aus diesem Träger wählen.");
    assertThat(task(ConsultationRequestProcess.Tasks.DECIDE_SELECTION, request)).as("back to the decider")
        .isAssignedTo("steuerung");
    assertThat(placesTaken()).isZero();
    complete(task(ConsultationRequestProcess.Tasks.DECIDE_SELECTION, request), withVariables(
        ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED", CommonVariables.CARRIER_GROUP, "consultants-k3b",
        CommonVariables.CONSULTANT_TEAM, "k3b-ben", CommonVariables.CONSULTANT_LEAD, "", ConsultationRequestProcess.Variables.SELECTION_REASON, "Bedarf."));
    assertThat((String) runtimeService().getVariable(request.getId(), ConsultationRequestProcess.Variables.SELECTION_REFUSAL))
        .contains("Federführung");

    complete(task(ConsultationRequestProcess.Tasks.DECIDE_SELECTION, request), withVariables(
        ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED", CommonVariables.CARRIER_GROUP, "consultants-k3b",
        CommonVariables.CONSULTANT_TEAM, "k3b-ben", CommonVariables.CONSULTANT_LEAD, "k3b-anna",
        ConsultationRequestProcess.Variables.SELECTION_REASON, "Bedarf."));
    ProcessInstance consultation = consultationOf(request);
    assertThat(consultation).variables().containsEntry(CommonVariables.CONSULTANT_LEAD, "k3b-anna");
    assertThat(runtimeService().getVariable(consultation.getId(), CommonVariables.CONSULTANT_TEAM).toString())
        .isEqualTo("[\"k3b-ben\",\"k3b-anna\"]");
    assertThat(task(consultation)).isAssignedTo("k3b-anna");
    assertThat(ConsultationTeamProcessTest.candidateGroups(task(consultation))).contains("consultants-k3b");
  }

  @Test
  void theFifthSelectionIsRefusedAndTheTaskStaysOpen() {
    List<ProcessInstance> selected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ProcessInstance request = toDecision(nrwAgs(), "Stadt " + i);
      select(request, i % 2 == 0 ? "consultants-k3b" : "consultants-forumzfd");
      selected.add(request);
    }
    assertThat(placesTaken()).isEqualTo(4);
    ProcessInstance fifth = toDecision(nrwAgs(), "Fünfte Stadt");
    select(fifth, "consultants-k3b");
    assertThat(fifth).isWaitingAt(ConsultationRequestProcess.Tasks.DECIDE_SELECTION).hasPassed("BoundaryEvent_SelectionRefused")
        .variables().containsEntry(ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED");
    assertThat((String) runtimeService().getVariable(fifth.getId(), ConsultationRequestProcess.Variables.SELECTION_REFUSAL))
        .contains("Alle 4 Plätze der Programmrunde sind vergeben");
    assertThat(consultationOf(fifth)).isNull();
    assertThat(placesTaken()).isEqualTo(4);
    complete(task(fifth), withVariables(ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED", CommonVariables.CARRIER_GROUP, "",
        ConsultationRequestProcess.Variables.SELECTION_REASON, "ohne Träger"));
    assertThat((String) runtimeService().getVariable(fifth.getId(), ConsultationRequestProcess.Variables.SELECTION_REFUSAL))
        .contains("Träger");

    complete(task(fifth), withVariables(ConsultationRequestProcess.Variables.SELECTION_DECISION, "WAITING_LIST",
        ConsultationRequestProcess.Variables.SELECTION_REASON, "Alle Plätze vergeben."));
    assertThat(fifth).isWaitingAt("EventGateway_WaitingList")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "Warteliste").containsEntry(ConsultationRequestProcess.Variables.SELECTION_REFUSAL, null);
  }

  @Test
  void aWithdrawalBeforeImplementationHandsThePlaceToTheWaitingList() {
    ProcessInstance first = toDecision(nrwAgs(), "Erststadt");
    select(first, "consultants-k3b");
    fillRemainingPlaces(3);
    ProcessInstance waiting = toDecision(nrwAgs(), "Wartestadt");
    complete(task(waiting), withVariables(ConsultationRequestProcess.Variables.SELECTION_DECISION, "WAITING_LIST", ConsultationRequestProcess.Variables.SELECTION_REASON, "voll"));
    Jobs.setClock("2023-07-04T09:00");
    ProcessInstance later = toDecision(nrwAgs(), "Spätstadt");
    complete(task(later), withVariables(ConsultationRequestProcess.Variables.SELECTION_DECISION, "WAITING_LIST", ConsultationRequestProcess.Variables.SELECTION_REASON, "voll"));

    ProcessInstance consultation = consultationOf(first);
    ConsultationProcessTest.clarifyMandate(consultation);
    withdraw(consultation);
    assertThat(first).isWaitingAt(ConsultationRequestProcess.Tasks.OFFER_FREE_PLACE).variables()
        .containsEntry(ConsultationRequestProcess.Variables.NEXT_ON_WAITING_LIST, waiting.getBusinessKey())
        .containsEntry(ConsultationRequestProcess.Variables.NEXT_ON_WAITING_LIST_NAME, "Wartestadt")
        .containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "zurückgezogen");
    assertThat(placesTaken()).isEqualTo(3);

    complete(task(first), withVariables(ConsultationRequestProcess.Variables.OFFER_PLACE, "OFFER"));
    assertThat(first).isEnded().hasPassed("EndEvent_PlaceHandedOn");
    assertThat(waiting).isWaitingAt(ConsultationRequestProcess.Tasks.DECIDE_SELECTION);
    assertThat(later).isWaitingAt("EventGateway_WaitingList");
    select(waiting, "consultants-k3b");
    assertThat(placesTaken()).isEqualTo(4);
    assertThat(consultationOf(waiting)).isWaitingAt(ConsultationProcess.Tasks.HOLD_FIRST_TALK);
  }

  @Test
  void noMandateFreesThePlaceToo() {
    ProcessInstance request = toDecision(nrwAgs(), "Ohnemandat");
    select(request, "consultants-k3b");
    ProcessInstance consultation = consultationOf(request);
    complete(task(consultation), ConsultationProcessTest.firstTalk());
    complete(task(consultation), withVariables(ConsultationProcess.Variables.AGREEMENT_OUTCOME, "NOT_CONCLUDED",
        ConsultationProcess.Variables.NO_AGREEMENT_REASON, "Der Rat lehnt ab."));
    complete(task(consultation), withVariables(ConsultationProcess.Variables.NO_MANDATE_NOTE, "ok"));
    assertThat(request).isWaitingAt(ConsultationRequestProcess.Tasks.OFFER_FREE_PLACE)
        .variables().containsEntry(ConsultationRequestProcess.Variables.NEXT_ON_WAITING_LIST_NAME, "niemand – die Warteliste ist leer");
    assertThat(placesTaken()).isZero();
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.OFFER_PLACE, "KEEP"));
    assertThat(request).isEnded().hasPassed("EndEvent_PlaceHandedOn");
  }

  @Test
  void aWithdrawalAfterImplementationStartedKeepsThePlaceTaken() {
    ProcessInstance request = toDecision(nrwAgs(), "Umsetzstadt");
    select(request, "consultants-k3b");
    ProcessInstance consultation = consultationOf(request);
    ConsultationProcessTest.clarifyMandate(consultation);
    ConsultationProcessTest.analyseConflict(consultation);
    ConsultationProcessTest.planMeasures(consultation, "2024-06-03", "Runder Tisch");
    withdraw(consultation);
    assertThat(request).isEnded().hasPassed("EndEvent_ConsultationEnded")
        .hasNotPassed("ServiceTask_ReleasePlace");
    assertThat(placesTaken()).isEqualTo(1);
    assertThat(openAgs(request)).isNull();
  }

  @Test
  void theWaitingListEndsWithTheProgramme() {
    ProcessInstance request = toDecision(nrwAgs(), "Geduldstadt");
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.SELECTION_DECISION, "WAITING_LIST", ConsultationRequestProcess.Variables.SELECTION_REASON, "voll"));
    Jobs.setClock("2026-01-01T00:00");
    Jobs.runDueJobs(managementService());
    assertThat(request).isEnded().hasPassed("EndEvent_WaitingListExpired")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "nicht ausgewählt");
  }

  @Test
  void aSecondOpenRequestOfTheSameMunicipalityIsRefused() {
    ProcessInstance request = submit("05315000", "Köln");
    assertThatThrownBy(() -> submit("05315000", "Köln"))
        .hasMessageContaining("bereits eine offene Beratungsanfrage");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ConsultationRequestProcess.KEY)
        .count()).isEqualTo(1);
    runtimeService().deleteProcessInstance(request.getId(), "test");
    assertThat(submit("05315000", "Köln").getBusinessKey()).isEqualTo("KKB-2023-002");
  }

  @Test
  void documentsHandedInThroughThePortalBringTheRequestBackToTheCompletenessCheck() {
    ProcessInstance request = submit(nrwAgs(), "Belegstadt");
    String token = token(request);
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING",
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Beschluss des Rates"));
    ApplicantPortal.RequestView waiting = portal().view(request.getBusinessKey(), token);
    assertThat(waiting.expected().missingDocuments()).isEqualTo("Beschluss des Rates");
    assertThat(waiting.expected().deadline()).isEqualTo(java.time.LocalDate.parse("2023-07-17"));

    List<ApplicantPortal.HandedIn> handedIn = portal().handIn(request.getBusinessKey(), token, List.of(
        new MockMultipartFile("files", "../Beschluss [Rat].pdf", "application/octet-stream", PDF)));
    assertThat(handedIn).extracting(ApplicantPortal.HandedIn::name).containsExactly("Beschluss -Rat-.pdf");
    assertThat(request).isWaitingAt(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS).variables()
        .containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "in Prüfung");
    assertThat((String) runtimeService().getVariable(request.getId(),
        CommonVariables.HANDED_IN_DOCUMENTS)).startsWith("- [Beschluss -Rat-.pdf](/api/documents/");
    ApplicantPortal.RequestView view = portal().view(request.getBusinessKey(), token);
    assertThat(view.expected()).isNull();
    assertThat(view.documents()).extracting(ApplicantPortal.HandedIn::mediaType).containsExactly("application/pdf");
    assertThat(view.statusHistory()).extracting(ApplicantPortal.StatusChange::status)
        .containsExactly("eingegangen", "in Prüfung", "Unterlagen fehlen", "in Prüfung");
    assertThatThrownBy(() -> portal().handIn(request.getBusinessKey(), token, List.of(
        new MockMultipartFile("files", "b.pdf", "application/pdf", PDF))))
        .isInstanceOf(PortalRefusal.class).hasMessageContaining("Unterlagen fehlen");
    assertThat(documents()).isEqualTo(1);

    // Once selected, the advising carrier's consultants find the documents in the consultation too.
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "COMPLETE"));
    holdTalk(request);
    select(request, "consultants-k3b");
    ProcessInstance consultation = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(ConsultationProcess.KEY).processInstanceBusinessKey(request.getBusinessKey())
        .singleResult();
    assertThat((String) runtimeService().getVariable(consultation.getId(), CommonVariables.HANDED_IN_DOCUMENTS))
        .startsWith("- [Beschluss -Rat-.pdf](/api/documents/");
  }

  @Test
  void aWithdrawalBeforeTheSelectionEndsTheRequestWithdrawn() {
    ProcessInstance request = toDecision(nrwAgs(), "Rückzugstadt");
    String token = token(request);
    portal().withdraw(request.getBusinessKey(), token, "Der Rat hat neu entschieden.");
    assertThat(request).isEnded().hasPassed("EndEvent_RequestWithdrawn").hasNotPassed("EndEvent_NotSelected")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "zurückgezogen")
        .containsEntry(ConsultationRequestProcess.Variables.WITHDRAWAL_REASON, "Der Rat hat neu entschieden.");
    assertThat(notices(request)).endsWith("request-withdrawn-by-applicant");
    assertThat(openAgs(request)).isNull();
    assertThatThrownBy(() -> portal().withdraw(request.getBusinessKey(), token, null))
        .isInstanceOf(PortalRefusal.class).hasMessageContaining("bereits abgeschlossen");
  }

  @Test
  void aWithdrawalDuringTheConsultationBeforeImplementationFreesThePlace() {
    ProcessInstance request = toDecision(nrwAgs(), "Frühstadt");
    select(request, "consultants-k3b");
    String token = token(request);
    ProcessInstance consultation = consultationOf(request);
    portal().withdraw(request.getBusinessKey(), token, null);
    assertThat(request).hasPassed("EndEvent_WithdrawalConfirmed").isWaitingAt("CallActivity_Consultation")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "zurückgezogen");
    assertThat(notices(request)).endsWith("request-withdrawn-by-applicant");
    assertThat(consultation).isWaitingAt(ConsultationProcess.Tasks.ACKNOWLEDGE_WITHDRAWAL).variables()
        .containsEntry(ConsultationProcess.Variables.WITHDRAWAL_REASON, "Rückzug durch die Kommune, ohne Begründung.");
    assertThatThrownBy(() -> portal().withdraw(request.getBusinessKey(), token, null))
        .isInstanceOf(PortalRefusal.class).hasMessageContaining("bereits zurückgezogen");
    complete(task(consultation), withVariables(ConsultationProcess.Variables.WITHDRAWAL_NOTE, "ok"));
    assertThat(request).isWaitingAt(ConsultationRequestProcess.Tasks.OFFER_FREE_PLACE);
    assertThat(placesTaken()).isZero();
  }

  @Test
  void aWithdrawalDuringImplementationKeepsThePlaceTaken() {
    ProcessInstance request = toDecision(nrwAgs(), "Spätrückzug");
    select(request, "consultants-k3b");
    String token = token(request);
    ProcessInstance consultation = consultationOf(request);
    ConsultationProcessTest.clarifyMandate(consultation);
    ConsultationProcessTest.analyseConflict(consultation);
    ConsultationProcessTest.planMeasures(consultation, "2024-06-03", "Runder Tisch");
    portal().withdraw(request.getBusinessKey(), token, "Neue Ratsmehrheit.");
    complete(task(ConsultationProcess.Tasks.ACKNOWLEDGE_WITHDRAWAL, consultation),
        withVariables(ConsultationProcess.Variables.WITHDRAWAL_NOTE, "ok"));
    assertThat(request).isEnded().hasPassed("EndEvent_ConsultationEnded").hasPassed("EndEvent_WithdrawalConfirmed")
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "zurückgezogen");
    assertThat(placesTaken()).isEqualTo(1);
  }

  // --- drivers ----------------------------------------------------------------------------------

  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  /** A fresh access token for the request (the Tasklist-style start in these tests shows none). */
  String token(ProcessInstance request) {
    String token = "token-" + request.getBusinessKey();
    jdbc.update("UPDATE kkb_request SET access_token_hash = ? WHERE reference = ?", RequestRegister.hash(token),
        request.getBusinessKey());
    return token;
  }

  static ApplicantPortal portal() {
    return TestEngines.bean(engine.getProcessEngine(), ApplicantPortal.class);
  }

  int documents() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Integer.class);
  }

  List<String> notices(ProcessInstance request) {
    return jdbc.queryForList("SELECT template FROM kkb_notification WHERE business_key = ? ORDER BY created_at",
        String.class, request.getBusinessKey());
  }

  String nrwAgs() {
    return String.format("05%06d", nextAgs++);
  }

  static ProcessInstance submit(String ags, String name) {
    Map<String, Object> variables = new HashMap<>(Map.of(CommonVariables.MUNICIPALITY_NAME, name,
        ConsultationRequestProcess.Variables.MUNICIPALITY_KIND, "STADT", ConsultationRequestProcess.Variables.AGS, ags, ConsultationRequestProcess.Variables.POPULATION, 50000, ConsultationRequestProcess.Variables.CONTACT_NAME, "Maria Muster",
        ConsultationRequestProcess.Variables.CONTACT_ROLE, "Büro der Bürgermeisterin", ConsultationRequestProcess.Variables.CONTACT_EMAIL, "buero@musterstadt.example.org",
        ConsultationRequestProcess.Variables.COMMISSIONED_BY_ADMINISTRATION_HEAD, true, ConsultationRequestProcess.Variables.CONFLICT_DESCRIPTION, DESCRIPTION,
        ConsultationRequestProcess.Variables.DESIRED_START, "2023-10-01"));
    ProcessInstance started = runtimeService().startProcessInstanceByKey(ConsultationRequestProcess.KEY, variables);
    return refreshed(started);
  }

  static ProcessInstance refreshed(ProcessInstance instance) {
    ProcessInstance running = runtimeService().createProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult();
    if (running != null) {
      return running;
    }
    return instance;
  }

  ProcessInstance toDecision(String ags, String name) {
    ProcessInstance request = submit(ags, name);
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "COMPLETE"));
    holdTalk(request);
    assertThat(request).isWaitingAt(ConsultationRequestProcess.Tasks.DECIDE_SELECTION);
    return request;
  }

  static void holdTalk(ProcessInstance request) {
    assertThat(request).isWaitingAt(ConsultationRequestProcess.Tasks.HOLD_PRELIMINARY_TALK)
        .variables().containsEntry(ConsultationRequestProcess.Variables.REQUEST_STATUS, "Vorgespräch");
    assertThat(task(request)).hasCandidateGroup("consultants-k3b").hasCandidateGroup("consultants-forumzfd");
    complete(task(request), withVariables(ConsultationRequestProcess.Variables.PRELIMINARY_TALK_DATE, "2023-07-10",
        ConsultationRequestProcess.Variables.PRELIMINARY_TALK_PARTICIPANTS, 4, ConsultationRequestProcess.Variables.TALK_RECOMMENDATION, "Beratung empfohlen",
        ConsultationRequestProcess.Variables.TALK_RECOMMENDATION_NOTE, "Verwaltungsspitze offen für Beratung."));
  }

  static void select(ProcessInstance request, String carrierGroup) {
    complete(task(ConsultationRequestProcess.Tasks.DECIDE_SELECTION, request), withVariables(ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED",
        CommonVariables.CARRIER_GROUP, carrierGroup, CommonVariables.CONSULTANT_LEAD, leadOf(carrierGroup),
        ConsultationRequestProcess.Variables.SELECTION_REASON, "Klarer Bedarf."));
  }

  /** The first demo consultant of the carrier. */
  static String leadOf(String carrierGroup) {
    return carrierGroup.equals("consultants-forumzfd") ? "fzfd-clara" : "k3b-anna";
  }

  void fillRemainingPlaces(int count) {
    for (int i = 0; i < count; i++) {
      select(toDecision(nrwAgs(), "Füllstadt " + i), "consultants-forumzfd");
    }
  }

  static void withdraw(ProcessInstance consultation) {
    runtimeService().createMessageCorrelation(ConsultationProcess.Messages.WITHDRAWN)
        .processInstanceId(consultation.getId())
        .setVariable(ConsultationProcess.Variables.WITHDRAWAL_REASON, "Neue Ratsmehrheit.").correlate();
    complete(task(consultation), withVariables(ConsultationProcess.Variables.WITHDRAWAL_NOTE, "ok"));
  }

  static ProcessInstance consultationOf(ProcessInstance request) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId())
        .singleResult();
  }

  int placesTaken() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM kkb_place", Integer.class);
  }

  String openAgs(ProcessInstance request) {
    return jdbc.queryForObject("SELECT open_ags FROM kkb_request WHERE reference = ?", String.class,
        request.getBusinessKey());
  }
}
