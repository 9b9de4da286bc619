package de.kkb.simulation;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme round June 2023 – December 2025, simulated day by day on the engine clock against
 * a real SMTP server: five applications, four places (two per carrier), one withdrawal during the
 * analysis and the waiting list moving up, consultants working on their tasks through their forms
 * as Tasklist submits them, some late. Everything the simulated people write is distinctive
 * ({@link #freeText}) and listed in {@link #confidential}, so that a search of the logs, mails or
 * database finds each value. Tests drive it and add their own work each day ({@link #run}).
 */
final class ProgrammeSimulation implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate FIRST_DAY = LocalDate.of(2023, 6, 1);
  static final LocalDate APPLICATION_DAY = LocalDate.of(2023, 6, 5);
  static final LocalDate LAST_DAY = LocalDate.of(2026, 1, 5);
  static final LocalDate PROGRAMME_LAST_DAY = LocalDate.of(2025, 12, 31);
  static final List<String> CONSULTANTS = List.of("anna.kramer@k3b.example.org",
      "ben.boehm@k3b.example.org", "clara.fischer@forumzfd.example.org", "david.falk@forumzfd.example.org");
  /** Begins every free text the simulated people write, followed by its serial number. */
  static final String MARK = "Vertraulich-";

  /** Work of a test on each simulated day, after the people's. */
  interface DailyWork {
    void on(LocalDate day) throws Exception;
  }

  final GreenMail smtp;
  final ConfigurableApplicationContext platform;
  final int port;
  final RuntimeService runtime;
  final TaskService tasks;
  final FormService forms;
  final ManagementService management;
  final HistoryService history;
  final JdbcTemplate jdbc;
  final WorkingDayCalendar workingDays = new WorkingDayCalendar();
  final Map<String, String> decisions = new HashMap<>();
  final List<String> references = new ArrayList<>();
  /** The access token of each request, by reference. */
  final Map<String, String> accessTokens = new LinkedHashMap<>();
  /** Every value a simulated person entered that is theirs or about people: value → where. */
  final Map<String, String> confidential = new LinkedHashMap<>();
  /** Requests whose first completeness check finds documents missing. */
  final Set<Integer> documentsMissingAtFirst = new HashSet<>();
  private final Set<String> documentsAskedFor = new HashSet<>();
  private int serial;
  String lateTask;
  LocalDate withdrawnOn;

  private ProgrammeSimulation(GreenMail smtp, ConfigurableApplicationContext platform) {
    this.smtp = smtp;
    this.platform = platform;
    this.port = PlatformStarter.port(platform);
    runtime = platform.getBean(RuntimeService.class);
    tasks = platform.getBean(TaskService.class);
    forms = platform.getBean(FormService.class);
    management = platform.getBean(ManagementService.class);
    history = platform.getBean(HistoryService.class);
    jdbc = platform.getBean(JdbcTemplate.class);
  }

  /** A platform at the round's first morning, with a mail server; properties as on the command line. */
  static ProgrammeSimulation start(String... properties) {
    int smtpPort = FreePort.find();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Jobs.setClock(FIRST_DAY.atTime(6, 0).toString()); // the round's timers start from here
    List<String> all = new ArrayList<>(List.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort));
    all.addAll(List.of(properties));
    try {
      ProgrammeSimulation simulation = new ProgrammeSimulation(smtp,
          PlatformStarter.start(List.of("test"), all.toArray(String[]::new)));
      // The leads want each task at once; everyone else reads the daily digest (the default).
      for (String lead : List.of("k3b-anna", "fzfd-clara")) {
        simulation.platform.getBean(NoticePreferences.class).set(lead, DigestPreference.IMMEDIATE);
      }
      return simulation;
    } catch (RuntimeException e) {
      smtp.stop();
      throw e;
    }
  }

  /** The whole round, day by day; {@code alsoEachDay} runs after the people's work. */
  void run(DailyWork alsoEachDay) throws Exception {
    ConsultationRequestService requests = platform.getBean(ConsultationRequestService.class);
    for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
      at(day, 7, 30);
      Jobs.runDueJobs(management);
      at(day, 10, 0);
      if (day.equals(APPLICATION_DAY)) {
        for (int i = 1; i <= 5; i++) {
          ConsultationRequestService.Submitted submitted = requests.submit(application(i));
          references.add(submitted.reference());
          accessTokens.put(submitted.reference(), submitted.accessToken());
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
            .setVariable("withdrawalReason", freeText("withdrawalReason")).correlate();
        decisions.put(references.get(4), "forumZFD");
        withdrawnOn = day;
      }
      work(day);
      alsoEachDay.on(day);
      Jobs.runDueJobs(management);
    }
  }

  @Override
  public void close() {
    ClockUtil.reset();
    try {
      platform.close();
    } finally {
      smtp.stop();
    }
  }

  // --- the simulated people ---------------------------------------------------------------------

  /**
   * Everyone works on what is theirs, through the task's form as Tasklist submits it; the
   * designated late task is done well after its due date.
   */
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
      forms.submitTaskForm(task.getId(), FormFiller.variables(form, answers(task, form, today)));
    }
  }

  Map<String, String> answers(Task task, JsonNode form, LocalDate today) {
    Map<String, String> answers = new HashMap<>(Map.of("agreementOutcome", "CONCLUDED",
        "conceptAgreement", "AGREED", "implementationAction", "FINISH", "interventionOutcome", "HELD",
        "documentsComplete", "COMPLETE", "offerPlace", "OFFER", "plannedDate",
        today.plusDays(20).toString(), "measureFormat", "WORKSHOP"));
    if (task.getTaskDefinitionKey().equals(ConsultationRequestProcess.Tasks.DECIDE_SELECTION)) {
      String decision = decisions.get(businessKey(task));
      answers.put("selectionDecision", decision.equals("WAITING_LIST") ? "WAITING_LIST" : "SELECTED");
      answers.put("carrierGroup", decision.equals("K3B") ? "consultants-k3b" : "consultants-forumzfd");
      answers.put("consultantLead", decision.equals("K3B") ? "k3b-anna" : "fzfd-clara");
    }
    if (task.getTaskDefinitionKey().equals(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS)) {
      String reference = businessKey(task);
      if (documentsMissingAtFirst.contains(references.indexOf(reference) + 1) && documentsAskedFor.add(reference)) {
        answers.put("documentsComplete", "MISSING");
      }
    }
    // Every text a person writes is distinctive; fields the form hides under the answers are
    // left out by the filler, so nothing is listed that was never entered.
    Map<String, Boolean> shown = new HashMap<>();
    FormFiller.fill(form, answers).fieldNames().forEachRemaining(name -> shown.put(name, true));
    textFields(form.path("components"), (name) -> {
      if (shown.containsKey(name) && !answers.containsKey(name)) {
        answers.put(name, freeText(name));
      }
    });
    return answers;
  }

  /** A text nobody else writes: {@value #MARK}, a serial number and where it was written. */
  String freeText(String where) {
    String text = MARK + (++serial) + " " + where;
    confidential.put(text, where);
    return text;
  }

  private static void textFields(JsonNode components, java.util.function.Consumer<String> each) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.has("key") && (type.equals("textfield") || type.equals("textarea"))) {
        each.accept(component.path("key").asText());
      }
      textFields(component.path("components"), each);
    }
  }

  String businessKey(Task task) {
    return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  boolean isLastConsultation(Task task) {
    return references.size() == 5 && references.get(3).equals(businessKey(task));
  }

  boolean isProgrammeManagement(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .anyMatch("programme-management"::equals);
  }

  ProcessInstance consultation(String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();
  }

  /** The i-th application: the contact person's name, address and phone are theirs. */
  ConsultationRequestForm application(int i) {
    String email = "kommune" + i + "@example.org";
    String phone = "+49 211 7730 90" + i;
    confidential.put(email, "contactEmail");
    confidential.put(phone, "contactPhone");
    String conflict = freeText("conflictDescription") + ": In der Kommune " + i
        + " streiten Verwaltung, Vereine und Anwohnende seit Monaten über die Innenstadt.";
    confidential.put(conflict, "conflictDescription");
    return new ConsultationRequestForm("Kommune " + i, "STADT", String.format("0531%04d", i), 20000 * i,
        freeText("contactName"), "Büro der Verwaltungsspitze", email, phone, true, conflict,
        freeText("previousAttempts"), freeText("partiesInvolved"), LocalDate.of(2023, 9, 1));
  }

  void at(LocalDate day, int hour, int minute) {
    Jobs.setClock(day.atTime(hour, minute).toString());
  }
}
