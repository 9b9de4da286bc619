package de.kkb.intake;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.kkb.platform.EngineClock;
import de.kkb.consultation.Withdrawals;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.RequestStatus;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an applicant can do with their request, with its reference and access token: see where it
 * stands ({@link #view}), hand in missing documents ({@link #handIn}) and withdraw it
 * ({@link #withdraw}). The intake API and the portal pages call the same methods; every refusal is
 * a {@link PortalRefusal} with a German text and an HTTP status, and leaves nothing behind.
 */
@Service
public class ApplicantPortal {

  private static final ZoneId BERLIN = EngineClock.BERLIN;

  private final RequestRegister register;
  private final ApplicantDocuments documents;
  private final DocumentTypes types;
  private final IntakeProperties properties;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final Withdrawals withdrawals;

  public ApplicantPortal(RequestRegister register, ApplicantDocuments documents, DocumentTypes types,
      IntakeProperties properties, RuntimeService runtimeService, HistoryService historyService,
      Withdrawals withdrawals) {
    this.register = register;
    this.documents = documents;
    this.types = types;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.withdrawals = withdrawals;
  }

  /** Where the request stands, as the applicant may see it. */
  public record RequestView(String reference, String status, String reason, OffsetDateTime received,
      List<StatusChange> statusHistory, Expected expected, List<HandedIn> documents) {
  }

  public record StatusChange(String status, OffsetDateTime since) {
  }

  /** What the applicant is expected to do now; {@code null} when nothing. */
  public record Expected(String action, String missingDocuments, LocalDate deadline) {
  }

  /** A document handed in: no link, no id; applicants do not download. */
  public record HandedIn(String name, long size, String mediaType, OffsetDateTime handedInAt) {
  }

  public record Withdrawal(String reference, String status) {
  }

  public RequestView view(String reference, String accessToken) {
    HistoricProcessInstance request = request(reference, accessToken);
    Map<String, Object> variables = variables(request.getId());
    String status = Objects.toString(variables.get(ConsultationRequestProcess.Variables.REQUEST_STATUS),
        RequestStatus.RECEIVED.label());
    Expected expected = null;
    if (waitingForDocuments(request)) {
      expected = new Expected("Fehlende Unterlagen nachreichen",
          (String) variables.get(ConsultationRequestProcess.Variables.MISSING_DOCUMENTS), documentsDeadline(request));
    }
    return new RequestView(reference, status, reason(status, variables), berlin(request.getStartTime().toInstant()),
        statusHistory(request.getId()), expected,
        documents.of(reference).stream().map(d -> new HandedIn(d.fileName(), d.size(), d.mediaType(),
            berlin(d.uploadedAt()))).toList());
  }

  /**
   * Stores the files and tells the request that the documents are there, in one transaction: the
   * request goes back to "Vollständigkeit prüfen". Every file is checked before any is stored.
   */
  @Transactional
  public List<HandedIn> handIn(String reference, String accessToken, List<MultipartFile> files) {
    HistoricProcessInstance request = request(reference, accessToken);
    if (!waitingForDocuments(request)) {
      throw PortalRefusal.conflict("Unterlagen können nur nachgereicht werden, solange die Programmsteuerung "
          + "sie anfordert (Status „Unterlagen fehlen“).");
    }
    List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
    if (sent.isEmpty()) {
      throw new PortalRefusal(HttpStatus.BAD_REQUEST, "Keine Datei",
          "Bitte mindestens eine Datei im Feld „files“ senden.");
    }
    int max = properties.documents().maxFiles();
    int before = documents.count(reference);
    if (before + sent.size() > max) {
      throw new PortalRefusal(HttpStatus.BAD_REQUEST, "Zu viele Dateien",
          "Zu einer Anfrage können höchstens " + max + " Dateien eingereicht werden; bisher sind es "
              + before + ".");
    }
    List<Accepted> accepted = new ArrayList<>();
    for (MultipartFile file : sent) {
      accepted.add(check(file));
    }
    List<ApplicantDocuments.StoredDocument> stored = accepted.stream()
        .map(a -> documents.store(reference, a.name(), a.mediaType(), a.content())).toList();
    try {
      runtimeService.createMessageCorrelation(ConsultationRequestProcess.Messages.DOCUMENTS_PROVIDED)
          .processInstanceId(request.getId())
          // The next completeness check starts undecided: the model's input mapping sees to that.
          .setVariable(CommonVariables.HANDED_IN_DOCUMENTS, markdown(documents.of(reference)))
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      // Another call handed in or the deadline passed in the meantime: the transaction rolls back.
      throw PortalRefusal.conflict("Die Anfrage wartet nicht mehr auf Unterlagen.");
    }
    return stored.stream().map(d -> new HandedIn(d.fileName(), d.size(), d.mediaType(), berlin(d.uploadedAt())))
        .toList();
  }

  /**
   * Withdraws the request: before the selection the request ends withdrawn; while the consultation
   * runs, the consultation's withdrawal path starts and the request confirms it to the applicant.
   */
  @Transactional
  public Withdrawal withdraw(String reference, String accessToken, String reason) {
    HistoricProcessInstance request = request(reference, accessToken);
    ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(request.getId())
        .singleResult();
    if (running == null) {
      throw PortalRefusal.conflict("Die Anfrage ist bereits abgeschlossen.");
    }
    Object status = runtimeService.getVariable(running.getId(), ConsultationRequestProcess.Variables.REQUEST_STATUS);
    if (RequestStatus.WITHDRAWN.label().equals(status)) {
      throw PortalRefusal.conflict("Die Anfrage ist bereits zurückgezogen.");
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    ProcessInstance consultation = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ConsultationProcess.KEY).processInstanceBusinessKey(reference).singleResult();
    try {
      if (consultation != null) {
        withdrawals.withdraw(runtimeService, consultation.getId(), running.getId(),
            why == null ? "Rückzug durch die Kommune, ohne Begründung." : why, why);
      } else if (runtimeService.createExecutionQuery().processInstanceId(running.getId())
          .activityId(ConsultationRequestProcess.Activities.CONSULTATION).count() > 0) {
        throw PortalRefusal.conflict("Die Beratung ist bereits abgeschlossen.");
      } else {
        runtimeService.createMessageCorrelation(ConsultationRequestProcess.Messages.WITHDRAWN)
            .processInstanceId(running.getId())
            .setVariable(ConsultationRequestProcess.Variables.WITHDRAWAL_REASON, why)
            .correlate();
      }
    } catch (MismatchingMessageCorrelationException e) {
      throw PortalRefusal.conflict("Die Anfrage kann im jetzigen Stand nicht zurückgezogen werden.");
    }
    return new Withdrawal(reference, RequestStatus.WITHDRAWN.label());
  }

  private record Accepted(String name, String mediaType, byte[] content) {
  }

  private Accepted check(MultipartFile file) {
    String name = ApplicantDocuments.sanitised(file.getOriginalFilename());
    long maxSize = properties.documents().maxFileSize().toBytes();
    if (file.getSize() > maxSize) {
      throw new PortalRefusal(HttpStatus.PAYLOAD_TOO_LARGE, "Datei zu groß",
          "„" + name + "“ ist größer als " + megabytes(maxSize) + " MB; bitte kleiner einreichen.");
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new PortalRefusal(HttpStatus.BAD_REQUEST, "Datei nicht lesbar", "„" + name + "“ kam nicht vollständig an.");
    }
    String mediaType = types.accepted(content).orElseThrow(() -> new PortalRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Dateiformat nicht angenommen", "„" + name + "“ ist keine PDF-, JPEG- oder PNG-Datei und kein "
            + "Word-, Excel-, PowerPoint- oder OpenDocument-Dokument. Erkannt wird das Format am Inhalt, "
            + "nicht am Dateinamen."));
    return new Accepted(name, mediaType, content);
  }

  static long megabytes(long bytes) {
    return bytes / (1024 * 1024);
  }

  /** The request behind a reference, for the holder of its token only. */
  private HistoricProcessInstance request(String reference, String accessToken) {
    if (!register.tokenMatches(reference, accessToken)) {
      throw PortalRefusal.notFound();
    }
    HistoricProcessInstance request = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ConsultationRequestProcess.KEY).processInstanceBusinessKey(reference).singleResult();
    if (request == null) {
      throw PortalRefusal.notFound();
    }
    return request;
  }

  private boolean waitingForDocuments(HistoricProcessInstance request) {
    return runtimeService.createExecutionQuery().processInstanceId(request.getId())
        .activityId(ConsultationRequestProcess.Activities.AWAIT_DOCUMENTS).count() > 0;
  }

  /** The day the documents deadline ends: the start of the current wait plus the configured period. */
  private LocalDate documentsDeadline(HistoricProcessInstance request) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
        .activityId(ConsultationRequestProcess.Activities.AWAIT_DOCUMENTS).unfinished().list().stream()
        .map(HistoricActivityInstance::getStartTime).max(java.util.Date::compareTo)
        .map(start -> start.toInstant().atZone(BERLIN).plus(properties.documentsDeadline()).toLocalDate())
        .orElse(null);
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> variables = new java.util.HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list()) {
      if (variable.getValue() != null) {
        variables.putIfAbsent(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  /** Why the request was not selected or waits: the reason the applicant's letter names too. */
  private static String reason(String status, Map<String, Object> variables) {
    if (RequestStatus.NOT_SELECTED.label().equals(status) || RequestStatus.WAITING_LIST.label().equals(status)) {
      String ineligible = RequestOutcome.ineligibilityReason(
          variables.get(ConsultationRequestProcess.Variables.ELIGIBILITY));
      if (ineligible != null) {
        return ineligible;
      }
      Object selection = variables.get(ConsultationRequestProcess.Variables.SELECTION_REASON);
      return selection == null ? null : selection.toString();
    }
    return null;
  }

  /** Each status the request went through, with the time it was set; repeated ones once. */
  private List<StatusChange> statusHistory(String processInstanceId) {
    List<StatusChange> changes = new ArrayList<>();
    List<HistoricDetail> updates = historyService.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().orderPartiallyByOccurrence().asc().list();
    for (HistoricDetail detail : updates) {
      if (detail instanceof HistoricVariableUpdate update
          && ConsultationRequestProcess.Variables.REQUEST_STATUS.equals(update.getVariableName())
          && update.getValue() != null) {
        String status = update.getValue().toString();
        if (changes.isEmpty() || !changes.get(changes.size() - 1).status().equals(status)) {
          changes.add(new StatusChange(status, berlin(update.getTime().toInstant())));
        }
      }
    }
    return changes;
  }

  /** The list "Vollständigkeit prüfen" shows: name, size and the link to open it. */
  static String markdown(List<ApplicantDocuments.StoredDocument> handedIn) {
    StringBuilder list = new StringBuilder();
    for (ApplicantDocuments.StoredDocument document : handedIn) {
      list.append("- [").append(document.fileName()).append("](/api/documents/").append(document.id())
          .append(") – ").append(Math.max(1, (document.size() + 1023) / 1024)).append(" KB, ")
          .append(document.uploadedAt().atZone(BERLIN).toLocalDate()).append('\n');
    }
    return list.toString();
  }

  private static OffsetDateTime berlin(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atZone(BERLIN).toOffsetDateTime();
  }
}
