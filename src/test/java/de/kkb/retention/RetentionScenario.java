package de.kkb.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kkb.audit.AuditAction;
import de.kkb.audit.AuditLog;
import de.kkb.intake.ApplicantPortal;
import de.kkb.intake.ConsultationRequestForm;
import de.kkb.intake.ConsultationRequestService;
import de.kkb.intake.RequestRegister;
import de.kkb.support.Jobs;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention scenario on a whole platform (H2 or PostgreSQL), on the engine clock: one request
 * that ends without a selection, one that becomes a consultation, one registration whose process
 * never started. Each night of interest the clock stands in the window and every due job runs, as
 * the job executor would: the engine's history cleanup job and the platform's nightly clean-up.
 * Everything is read back from the database's rows.
 */
final class RetentionScenario {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  /** Before the platform starts: the engine schedules its cleanup job on this clock. */
  static final String START = "2023-07-03T09:00";

  private final ConfigurableApplicationContext context;
  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService tasks;

  RetentionScenario(ConfigurableApplicationContext context) {
    this.context = context;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.history = context.getBean(HistoryService.class);
    this.management = context.getBean(ManagementService.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
  }

  void run() {
    assertThat(history.findHistoryCleanupJobs()).as("the engine scheduled its cleanup job").isNotEmpty();
    assertThat(history.findHistoryCleanupJobs().get(0).getDuedate()).as("at the next window's start")
        .isEqualTo(Jobs.berlin("2023-07-04T01:00"));

    // An orphaned registration (its node died before the process started) and an audit entry.
    RequestRegister register = context.getBean(RequestRegister.class);
    String orphan = context.getBean(TransactionTemplate.class)
        .execute(status -> register.register("05334002", "Verwaiststadt").reference());
    context.getBean(TransactionTemplate.class).executeWithoutResult(
        status -> context.getBean(AuditLog.class).record(AuditAction.CSV_EXPORT, "Programmbericht", "1 Zeile"));

    Request refused = apply("05111000", "Absagestadt");
    Request selected = apply("05315000", "Beratungsstadt");
    decide(selected, Map.of(ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED",
        CommonVariables.CARRIER_GROUP, "consultants-k3b", CommonVariables.CONSULTANT_TEAM, "k3b-anna,k3b-ben",
        CommonVariables.CONSULTANT_LEAD, "k3b-anna", ConsultationRequestProcess.Variables.SELECTION_REASON,
        "Dringender Bedarf."));
    Jobs.setClock("2023-07-10T10:00");
    decide(refused, Map.of(ConsultationRequestProcess.Variables.SELECTION_DECISION, "NOT_SELECTED",
        ConsultationRequestProcess.Variables.SELECTION_REASON, "Andere Kommunen haben dringenderen Bedarf."));
    Jobs.runDueJobs(management);

    HistoricProcessInstance refusedRoot = root(refused);
    assertThat(refusedRoot.getEndTime()).isEqualTo(Jobs.berlin("2023-07-10T10:00"));
    assertThat(refusedRoot.getRemovalTime()).as("six months after its end")
        .isEqualTo(Jobs.berlin("2024-01-10T10:00"));
    assertThat(root(selected).getRemovalTime()).as("a running consultation has none").isNull();
    assertStored(refused, false);
    assertStored(selected, true);
    assertThat(platformRows(orphan)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_audit", Integer.class)).isEqualTo(1);

    // The day before the refused request's removal time, and the morning of that day: all there.
    night("2024-01-09T02:00");
    assertStored(refused, false);
    assertThat(platformRows(orphan)).as("a registration without a process, older than six months").isZero();
    night("2024-01-10T04:00");
    assertStored(refused, false);
    // The next night it is gone from every store; the consultation, six months old, stays.
    night("2024-01-11T02:00");
    assertGone(refused);
    assertStored(selected, true);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_audit", Integer.class)).isEqualTo(1);

    // The programme ends: the consultation closes, and with it the request that called it.
    Jobs.setClock("2026-01-01T00:00:30");
    Jobs.runDueJobs(management);
    ProcessInstance consultation = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(selected.instanceId()).singleResult();
    tasks.complete(tasks.createTaskQuery().processInstanceId(consultation.getId())
        .taskDefinitionKey(ConsultationProcess.Tasks.CLOSE_AT_PROGRAMME_END).singleResult().getId(), Map.of(
        ConsultationProcess.Variables.CLOSING_SUMMARY, "Runder Tisch läuft weiter.",
        ConsultationProcess.Variables.HANDOVER_STRUCTURE, "Runder Tisch Innenstadt"));
    Jobs.runDueJobs(management);
    Date programmeEndPlusFive = Jobs.berlin("2031-01-01T00:00");
    assertThat(root(selected).getEndTime()).isNotNull();
    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(selected.instanceId()).list())
        .as("the request and the consultation it called: the programme's end plus five years")
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(instance -> assertThat(instance.getRemovalTime()).isEqualTo(programmeEndPlusFive));

    night("2026-07-02T02:00");
    assertStored(selected, true);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_audit", Integer.class))
        .as("the audit trail keeps two years").isZero();
    night("2030-12-31T02:00");
    assertStored(selected, true);
    night("2031-01-01T02:00");
    assertGone(selected);
  }

  record Request(String reference, String token, String instanceId) {
  }

  /** Applies, is asked for a document, hands it in, and gets to the selection. */
  private Request apply(String ags, String municipality) {
    ConsultationRequestService.Submitted submitted = context.getBean(ConsultationRequestService.class).submit(
        new ConsultationRequestForm(municipality, "STADT", ags, 52000, "Maria Muster", "Büro der Bürgermeisterin",
            "buero@" + municipality.toLowerCase() + ".example.org", "+49 221 12345", true,
            "Seit dem Umbau des Marktplatzes streiten Verwaltung, Händler und Anwohnende; Ratssitzungen eskalieren.",
            "Bürgerversammlung.", "Verwaltung, Händlerverein", LocalDate.parse("2023-10-01")));
    String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(submitted.reference())
        .processDefinitionKey(ConsultationRequestProcess.KEY).singleResult().getId();
    Request request = new Request(submitted.reference(), submitted.accessToken(), instanceId);
    complete(request, Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING",
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Beschluss des Rates"));
    context.getBean(ApplicantPortal.class).handIn(request.reference(), request.token(),
        List.of(new MockMultipartFile("files", "Beschluss.pdf", "application/pdf", PDF)));
    complete(request, Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "COMPLETE"));
    complete(request, Map.of(ConsultationRequestProcess.Variables.PRELIMINARY_TALK_DATE, "2023-07-05",
        ConsultationRequestProcess.Variables.PRELIMINARY_TALK_PARTICIPANTS, 3,
        ConsultationRequestProcess.Variables.TALK_RECOMMENDATION, "Beratung empfohlen",
        ConsultationRequestProcess.Variables.TALK_RECOMMENDATION_NOTE, "Klarer Auftrag."));
    return request;
  }

  private void decide(Request request, Map<String, Object> decision) {
    complete(request, decision);
  }

  private void complete(Request request, Map<String, Object> variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(request.instanceId()).singleResult().getId(),
        variables);
  }

  /** A night in the window: every due job runs, the engine's cleanup and the platform's alike. */
  private void night(String berlinTime) {
    Jobs.setClock(berlinTime);
    Jobs.runDueJobs(management);
  }

  private HistoricProcessInstance root(Request request) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(request.instanceId()).singleResult();
  }

  private void assertStored(Request request, boolean withPlace) {
    Map<String, Integer> rows = historyRows(request.instanceId());
    assertThat(rows).as("history of " + request.reference())
        .containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_TASKINST", "ACT_HI_DECINST");
    assertThat(count("SELECT COUNT(*) FROM kkb_request WHERE reference = ?", request)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM kkb_document WHERE reference = ?", request)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM kkb_notification WHERE business_key = ?", request))
        .as("notices of " + request.reference()).isGreaterThanOrEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM kkb_place WHERE reference = ?", request)).isEqualTo(withPlace ? 1 : 0);
  }

  private void assertGone(Request request) {
    assertThat(historyRows(request.instanceId())).as("history of " + request.reference()).isEmpty();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(request.reference())
        .processDefinitionKey(ConsultationRequestProcess.KEY).count()).isZero();
    assertThat(platformRows(request.reference())).as("platform rows of " + request.reference()).isZero();
  }

  private int platformRows(String reference) {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM kkb_request WHERE reference = ?) "
        + "+ (SELECT COUNT(*) FROM kkb_document WHERE reference = ?) "
        + "+ (SELECT COUNT(*) FROM kkb_notification WHERE business_key = ?) "
        + "+ (SELECT COUNT(*) FROM kkb_place WHERE reference = ?)", Integer.class,
        reference, reference, reference, reference);
  }

  private int count(String sql, Request request) {
    return jdbc.queryForObject(sql, Integer.class, request.reference());
  }

  /**
   * The rows of a root instance's whole hierarchy in every table of the engine's history (and its
   * byte arrays) that names the root, by table; tables without any are left out.
   */
  private Map<String, Integer> historyRows(String rootInstanceId) {
    List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS "
        + "WHERE UPPER(COLUMN_NAME) = 'ROOT_PROC_INST_ID_' AND TABLE_SCHEMA = CURRENT_SCHEMA "
        + "AND UPPER(TABLE_NAME) NOT LIKE 'ACT\\_RU\\_%' ORDER BY TABLE_NAME", String.class);
    assertThat(tables).as("history tables").hasSizeGreaterThan(10);
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (String table : tables) {
      Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ?",
          Integer.class, rootInstanceId);
      if (count != null && count > 0) {
        rows.put(table.toUpperCase(), count);
      }
    }
    return rows;
  }
}
