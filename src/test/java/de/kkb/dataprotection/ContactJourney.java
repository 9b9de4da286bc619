package de.kkb.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.HttpSession;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * A municipal contact person whose request goes some way through the platform, so that their data
 * lands in every store: notices (one of them failing once when the mail server is down), documents,
 * a comment, form fields, a step record of the consultation.
 */
public final class ContactJourney {

  static final ObjectMapper JSON = new ObjectMapper();

  public record Contact(String name, String email, String phone, String role) {
    public List<String> identifiers() {
      return List.of(email, name, phone);
    }
  }

  public record Request(String reference, String token) {
  }

  private final int port;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;

  public ContactJourney(ApplicationContext context, int port) {
    this.port = port;
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
    this.forms = context.getBean(FormService.class);
    this.management = context.getBean(ManagementService.class);
  }

  public Request submit(Contact contact, String ags, String municipality) throws Exception {
    Map<String, Object> request = new HashMap<>();
    request.put("municipalityName", municipality);
    request.put("municipalityKind", "STADT");
    request.put("ags", ags);
    request.put("population", 41000);
    request.put("contactName", contact.name());
    request.put("contactRole", contact.role());
    request.put("contactEmail", contact.email());
    request.put("contactPhone", contact.phone());
    request.put("commissionedByAdministrationHead", true);
    request.put("conflictDescription", "In " + municipality + " streiten Rat, Verwaltung und eine Bürgerinitiative "
        + "seit Monaten über die Nutzung des alten Bahnhofs.");
    request.put("desiredStart", "2023-10-01");
    HttpResponse<String> created = new HttpSession(port).postJson("/api/consultation-requests",
        JSON.writeValueAsString(request));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    return new Request(body.path("reference").asText(), body.path("accessToken").asText());
  }

  /** Documents missing, handed in with the access token, then complete, with a comment on the task. */
  public void documentsHandedIn(Request request, Contact contact, String fileName) throws Exception {
    forms.submitTaskForm(task(request).getId(), Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING",
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Ratsbeschluss zur Beauftragung"));
    runJobs();
    HttpResponse<String> upload = upload(request, fileName,
        "%PDF-1.4\n% Ratsbeschluss vom 12.06.2023: Die Stadt beauftragt eine Konfliktberatung.\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    Task check = task(request);
    tasks.createComment(check.getId(), check.getProcessInstanceId(),
        "Rückruf von " + contact.name() + " unter " + contact.phone() + ": Beschluss folgt per Post.");
    forms.submitTaskForm(check.getId(), Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "COMPLETE"));
  }

  /** First talk (a form field naming the person), the selection, and two steps of the consultation. */
  public void selectedAndAgreed(Request request, Contact contact) {
    forms.submitTaskForm(task(request).getId(), Map.of(
        ConsultationRequestProcess.Variables.PRELIMINARY_TALK_DATE, "2023-07-03",
        ConsultationRequestProcess.Variables.PRELIMINARY_TALK_PARTICIPANTS, 3L,
        ConsultationRequestProcess.Variables.TALK_RECOMMENDATION, "Beratung empfohlen",
        ConsultationRequestProcess.Variables.TALK_RECOMMENDATION_NOTE, "Gespräch mit " + contact.name() + " ("
            + contact.email() + "): klarer Auftrag der Verwaltungsspitze."));
    tasks.complete(task(request).getId(), Map.of(ConsultationRequestProcess.Variables.SELECTION_DECISION, "SELECTED",
        CommonVariables.CARRIER_GROUP, "consultants-forumzfd", CommonVariables.CONSULTANT_TEAM, "fzfd-clara,fzfd-david",
        CommonVariables.CONSULTANT_LEAD, "fzfd-clara", ConsultationRequestProcess.Variables.SELECTION_REASON,
        "Dringender Bedarf."));
    Task firstTalk = consultationTask(request);
    assertThat(firstTalk.getTaskDefinitionKey()).isEqualTo(ConsultationProcess.Tasks.HOLD_FIRST_TALK);
    forms.submitTaskForm(firstTalk.getId(), Map.of(ConsultationProcess.Variables.FIRST_TALK_DATE, "2023-07-03",
        ConsultationProcess.Variables.ADMINISTRATION_HEAD_ROLE, "BUERGERMEISTER",
        ConsultationProcess.Variables.FIRST_TALK_PARTICIPANTS, 4L));
    Task agreement = consultationTask(request);
    assertThat(agreement.getTaskDefinitionKey()).isEqualTo(ConsultationProcess.Tasks.CONCLUDE_COOPERATION_AGREEMENT);
    forms.submitTaskForm(agreement.getId(), Map.of(ConsultationProcess.Variables.AGREEMENT_OUTCOME, "CONCLUDED",
        ConsultationProcess.Variables.AGREEMENT_SIGNED_DATE, "2023-07-03",
        ConsultationProcess.Variables.AGREEMENT_PARTIES, "Die Stadt, vertreten durch " + contact.name() + " (Tel. "
            + contact.phone() + "), und der Träger forumZFD",
        ConsultationProcess.Variables.GOAL1, "Dialog zwischen Rat und Bürgerinitiative"));
    runJobs();
  }

  public Task task(Request request) {
    return tasks.createTaskQuery().processInstanceBusinessKey(request.reference())
        .processDefinitionKey(ConsultationRequestProcess.KEY).singleResult();
  }

  public Task consultationTask(Request request) {
    return tasks.createTaskQuery().processInstanceBusinessKey(request.reference())
        .processDefinitionKey(ConsultationProcess.KEY).singleResult();
  }

  public long running(Request request) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.reference()).count();
  }

  /** Runs the jobs due now, as the job executor would; a job that fails stays for its next try. */
  public List<String> runJobs() {
    Set<String> failed = new HashSet<>();
    for (int round = 0; round < 200; round++) {
      Job next = management.createJobQuery().executable().list().stream()
          .filter(job -> !failed.contains(job.getId())).findFirst().orElse(null);
      if (next == null) {
        return List.copyOf(failed);
      }
      try {
        management.executeJob(next.getId());
      } catch (RuntimeException e) {
        failed.add(next.getId());
      }
    }
    throw new IllegalStateException("jobs keep becoming due");
  }

  public HttpResponse<String> upload(Request request, String fileName, byte[] content) throws Exception {
    String boundary = "kkbJourney";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/consultation-requests/" + request.reference() + "/documents"))
        .header("X-Access-Token", request.token()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> withdraw(Request request) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/consultation-requests/" + request.reference() + "/withdrawal"))
        .header("X-Access-Token", request.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
  }
}
