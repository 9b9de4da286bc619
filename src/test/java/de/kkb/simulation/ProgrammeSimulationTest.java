package de.kkb.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.kkb.demo.FormFiller;
import de.kkb.deadline.WorkingDayCalendar;
import de.kkb.intake.ConsultationRequestForm;
import de.kkb.intake.ConsultationRequestService;
import de.kkb.notification.DigestPreference;
import de.kkb.notification.NoticePreferences;
import de.kkb.support.FreePort;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.ProgrammeRoundProcess;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme round June 2023 – December 2025, simulated day by day on the engine clock against
 * a real SMTP server: five applications, four places (two per carrier), one withdrawal during the
 * analysis and the waiting list moving up, consultants working on their tasks, some late.
 */
@Tag("own-jvm")
class ProgrammeSimulationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate FIRST_DAY = LocalDate.of(2023, 6, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2026, 1, 5);
  static final LocalDate PROGRAMME_LAST_DAY = LocalDate.of(2025, 12, 31);
  static final List<String> CONSULTANTS = List.of("anna.kramer@k3b.example.org",
      "ben.boehm@k3b.example.org", "clara.fischer@forumzfd.example.org", "david.falk@forumzfd.example.org");

  GreenMail smtp;
  ConfigurableApplicationContext platform;
  RuntimeService runtime;
  TaskService tasks;
  FormService forms;
  ManagementService management;
  HistoryService history;
  JdbcTemplate jdbc;
  final WorkingDayCalendar workingDays = new WorkingDayCalendar();
  final Map<String, String> decisions = new HashMap<>();
  final List<String> references = new ArrayList<>();
  String lateTask;
  LocalDate withdrawnOn;

  @AfterEach
  void stop() {
    ClockUtil.reset();
    if (platform != null) {
      platform.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void theWholeRoundDayByDay() throws Exception {
    int port = FreePort.find();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Jobs.setClock(FIRST_DAY.atTime(6, 0).toString()); // the round's timers start from here
    platform = PlatformStarter.start(List.of("test"), "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + port);
    runtime = platform.getBean(RuntimeService.class);
    tasks = platform.getBean(TaskService.class);
    forms = platform.getBean(FormService.class);
    management = platform.getBean(ManagementService.class);
    history = platform.getBean(HistoryService.class);
    jdbc = platform.getBean(JdbcTemplate.class);
    // The leads want each task at once; everyone else reads the daily digest (the default).
    for (String lead : List.of("k3b-anna", "fzfd-clara")) {
      platform.getBean(NoticePreferences.class).set(lead, DigestPreference.IMMEDIATE);
    }
    ConsultationRequestService requests = platform.getBean(ConsultationRequestService.class);

    for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
      at(day, 7, 30);
      Jobs.runDueJobs(management);
      at(day, 10, 0);
      if (day.equals(LocalDate.of(2023, 6, 5))) {
        for (int i = 1; i <= 5; i++) {
          references.add(requests.submit(application(i)).reference());
        }
        decisions.put(references.get(0), "K3B");
        decisions.put(references.get(1), "K3B");
        decisions.put(references.get(2), "forumZFD");
        decisions.put(references.get(3), "forumZFD");
        decisions.put(references.get(4), "WAITING_LIST");
      }
      ProcessInstance third = references.isEmpty() ? null : consultation(references.get(2));
      if (withdrawnOn == null && third != null
          && "Konfliktanalyse".equals(runtime.getVariable(third.getId(), "phase"))) {
        // The third municipality withdraws during its conflict analysis.
        runtime.createMessageCorrelation(ConsultationProcess.Messages.WITHDRAWN).processInstanceId(third.getId())
            .setVariable("withdrawalReason", "Neue Ratsmehrheit lehnt die Beratung ab.").correlate();
        decisions.put(references.get(4), "forumZFD");
        withdrawnOn = day;
      }
      work(day);
      Jobs.runDueJobs(management);
    }

    // --- what arrived, and when -------------------------------------------------------------------
    List<Map<String, Object>> log = jdbc.queryForList(
        "SELECT template, recipient, subject, status, sent_at FROM kkb_notification ORDER BY sent_at");
    assertThat(log).allSatisfy(row -> assertThat(row.get("STATUS")).isEqualTo("SENT"));
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(log.size());
    List<String> ids = new ArrayList<>();
    for (MimeMessage message : received) {
      ids.add(message.getHeader("X-KKB-Notification-Id")[0]);
    }
    assertThat(ids).as("no notice twice").doesNotHaveDuplicates();

    assertThat(sent("request-received", "kommune1@example.org")).containsExactly(LocalDate.of(2023, 6, 5));
    assertThat(withdrawnOn).as("the third withdrew during its analysis").isNotNull();
    List<LocalDate> fifth = sent("selection-result", "kommune5@example.org");
    assertThat(fifth).as("waiting list, then selected after the withdrawal").hasSize(2);
    assertThat(fifth.get(0)).isBefore(withdrawnOn);
    assertThat(fifth.get(1)).isAfter(withdrawnOn);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(references.get(4)).count()).as("the fifth moved up").isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY).count())
        .as("four places, one handed on").isEqualTo(5);
    assertThat(sent("programme-end-approaching", "steuerung@kkb.example.org"))
        .containsExactly(LocalDate.of(2025, 10, 1));
    for (String consultant : CONSULTANTS) {
      assertThat(sent("programme-end-approaching", consultant)).containsExactly(LocalDate.of(2025, 10, 1));
    }
    assertThat(sent("programme-end-reached", "steuerung@kkb.example.org"))
        .containsExactly(LocalDate.of(2026, 1, 1));
    HistoricTaskInstance late = history.createHistoricTaskInstanceQuery().taskId(lateTask).singleResult();
    LocalDate lateDue = LocalDate.ofInstant(late.getDueDate().toInstant(), Jobs.BERLIN);
    assertThat(sentFor("task-overdue", late.getName()))
        .containsOnly(workingDays.addWorkingDays(lateDue, 0).plusDays(1));
    assertThat(sentFor("task-escalation", late.getName())).hasSize(1);

    // Digests: at most one per person and day, only on working days, none to those who chose
    // "sofort", and programme management reads its work there.
    List<Map<String, Object>> digests = jdbc.queryForList(
        "SELECT recipient, sent_at FROM kkb_notification WHERE template = 'daily-digest'");
    assertThat(digests).isNotEmpty().allSatisfy(row -> {
      LocalDate day = ((Timestamp) row.get("SENT_AT")).toLocalDateTime().toLocalDate();
      assertThat(workingDays.isWorkingDay(day)).as(row.toString()).isTrue();
      assertThat(row.get("RECIPIENT")).isNotIn("anna.kramer@k3b.example.org", "clara.fischer@forumzfd.example.org");
    });
    assertThat(digests.stream().collect(Collectors.groupingBy(row -> row.get("RECIPIENT") + " "
        + ((Timestamp) row.get("SENT_AT")).toLocalDateTime().toLocalDate(), Collectors.counting())))
        .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    assertThat(sent("daily-digest", "steuerung@kkb.example.org")).isNotEmpty();
    assertThat(sent("task-created", "ben.boehm@k3b.example.org")).as("ben reads the digest").isEmpty();

    // After the end, consultants hear of nothing but the end.
    for (Map<String, Object> row : log) {
      LocalDate sentOn = ((Timestamp) row.get("SENT_AT")).toLocalDateTime().toLocalDate();
      if (sentOn.isAfter(PROGRAMME_LAST_DAY) && CONSULTANTS.contains(row.get("RECIPIENT").toString())) {
        assertThat(row.get("SUBJECT").toString()).as(row.toString())
            .containsAnyOf("Programmende", "Programmrunde");
      }
    }
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().list()) {
      LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), Jobs.BERLIN);
      assertThat(workingDays.isWorkingDay(due)).as(task.getName() + " due " + due).isTrue();
      assertThat(due).as(task.getName()).isBeforeOrEqualTo(PROGRAMME_LAST_DAY);
    }

    Map<String, Long> perMonth = log.stream().collect(Collectors.groupingBy(
        row -> ((Timestamp) row.get("SENT_AT")).toLocalDateTime().toString().substring(0, 7),
        TreeMap::new, Collectors.counting()));
    System.out.println("Benachrichtigungen je Monat (simulierte Programmrunde):");
    perMonth.forEach((month, count) -> System.out.printf("  %s  %4d%n", month, count));
    assertThat(perMonth).containsKeys("2023-06", "2025-10", "2026-01");
  }

  // --- the simulated people ---------------------------------------------------------------------

  /** Everyone works on what is theirs; the designated late task is done well after its due date. */
  void work(LocalDate today) throws Exception {
    for (Task task : tasks.createTaskQuery().active().list()) {
      LocalDate created = LocalDate.ofInstant(task.getCreateTime().toInstant(), Jobs.BERLIN);
      String key = task.getTaskDefinitionKey();
      if (key.equals(ProgrammeRoundProcess.Tasks.EVALUATE_PROGRAMME) || key.equals(ConsultationProcess.Tasks.CLOSE_AT_PROGRAMME_END)) {
        continue; // after the programme end, left for the people
      }
      if (lateTask == null && key.equals(ConsultationProcess.Tasks.PLAN_TALKS)) {
        lateTask = task.getId();
      }
      LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), Jobs.BERLIN);
      LocalDate doneOn = task.getId().equals(lateTask) ? workingDays.addWorkingDays(due, 7)
          : key.equals(ConsultationProcess.Tasks.STEER_IMPLEMENTATION) ? created.plusMonths(isLastConsultation(task) ? 40 : 4)
          : created.plusDays(3);
      if (today.isBefore(doneOn) || today.isAfter(PROGRAMME_LAST_DAY) && !isProgrammeManagement(task)) {
        continue;
      }
      JsonNode form;
      try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
        form = JSON.readTree(in);
      }
      tasks.complete(task.getId(), FormFiller.variables(form, answers(task, today)));
    }
  }

  Map<String, String> answers(Task task, LocalDate today) {
    Map<String, String> answers = new HashMap<>(Map.of("agreementOutcome", "CONCLUDED",
        "conceptAgreement", "AGREED", "implementationAction", "FINISH", "interventionOutcome", "HELD",
        "documentsComplete", "COMPLETE", "offerPlace", "OFFER", "plannedDate",
        today.plusDays(20).toString(), "measureFormat", "WORKSHOP"));
    if (task.getTaskDefinitionKey().equals(ConsultationRequestProcess.Tasks.DECIDE_SELECTION)) {
      String decision = decisions.get(runtime.createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
      answers.put("selectionDecision", decision.equals("WAITING_LIST") ? "WAITING_LIST" : "SELECTED");
      answers.put("carrierGroup", decision.equals("K3B") ? "consultants-k3b" : "consultants-forumzfd");
      answers.put("consultantLead", decision.equals("K3B") ? "k3b-anna" : "fzfd-clara");
    }
    return answers;
  }

  boolean isLastConsultation(Task task) {
    return references.size() == 5 && references.get(3).equals(runtime.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
  }

  boolean isProgrammeManagement(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .anyMatch("programme-management"::equals);
  }

  ProcessInstance consultation(String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();
  }

  static ConsultationRequestForm application(int i) {
    return new ConsultationRequestForm("Kommune " + i, "STADT", String.format("0531%04d", i), 20000 * i,
        "Ansprechperson " + i, "Büro der Verwaltungsspitze", "kommune" + i + "@example.org", null, true,
        "In der Kommune " + i + " streiten Verwaltung, Vereine und Anwohnende seit Monaten über die Innenstadt.",
        null, null, LocalDate.of(2023, 9, 1));
  }

  void at(LocalDate day, int hour, int minute) {
    Jobs.setClock(day.atTime(hour, minute).toString());
  }

  List<LocalDate> sent(String template, String recipient) {
    return jdbc.queryForList("SELECT sent_at FROM kkb_notification WHERE template = ? AND recipient = ? "
        + "ORDER BY sent_at", Timestamp.class, template, recipient).stream()
        .map(t -> t.toLocalDateTime().toLocalDate()).toList();
  }

  List<LocalDate> sentFor(String template, String taskName) {
    return jdbc.queryForList("SELECT sent_at FROM kkb_notification WHERE template = ? AND subject LIKE ? "
        + "ORDER BY sent_at", Timestamp.class, template, "%" + taskName + "%").stream()
        .map(t -> t.toLocalDateTime().toLocalDate()).distinct().toList();
  }
}
