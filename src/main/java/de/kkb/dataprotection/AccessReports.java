package de.kkb.dataprotection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kkb.audit.AuditAction;
import de.kkb.audit.AuditLog;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers an access request (Art. 15 DSGVO): everything the platform stores about a contact person
 * (by e-mail address) or a request (by reference), from every store: process variables, the engine's
 * history, the notification log, documents, the register of requests, the engine account. For an
 * address, the instances' entries are those that name the person (the contact variables of their
 * requests, and any text with their address, name or phone number); for a reference, all of them.
 * Every answer is recorded in the audit trail, under the reference or a hash of the address.
 */
@Service
public class AccessReports {

  private final SubjectLookup lookup;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  public AccessReports(SubjectLookup lookup, RuntimeService runtime, HistoryService history, TaskService tasks,
      IdentityService identity, JdbcTemplate jdbc, AuditLog audit) {
    this.lookup = lookup;
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public AccessReport forEmail(String email) {
    return report(lookup.byEmail(email));
  }

  @Transactional
  public AccessReport forReference(String reference) {
    return report(lookup.byReference(reference));
  }

  private AccessReport report(DataSubject subject) {
    List<AccessReport.Process> processes = new ArrayList<>();
    List<AccessReport.HistoryEntry> entries = new ArrayList<>();
    for (String instanceId : subject.relatedInstances()) {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(instanceId).singleResult();
      if (instance == null) {
        continue;
      }
      boolean contactInstance = subject.contactInstances().contains(instanceId);
      List<AccessReport.Variable> variables = variables(subject, instance, contactInstance);
      if (!subject.byEmail() || !variables.isEmpty()) {
        processes.add(new AccessReport.Process(instance.getId(), instance.getProcessDefinitionKey(),
            instance.getProcessDefinitionName(), instance.getBusinessKey(), state(instance),
            instance.getStartTime(), instance.getEndTime(), variables));
      }
      entries.addAll(historyOf(subject, instanceId, contactInstance));
    }
    entries.sort(Comparator.comparing(AccessReport.HistoryEntry::time, Comparator.nullsFirst(Comparator.naturalOrder())));
    List<AccessReport.Notification> notifications = notifications(subject);
    List<AccessReport.Document> documents = documents(subject.references());
    List<AccessReport.RegisterEntry> register = register(subject.references());
    AccessReport.Account account = account(subject.account());
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("processes", processes.size());
    counts.put("processVariables", processes.stream().mapToInt(p -> p.variables().size()).sum());
    counts.put("history", entries.size());
    counts.put("notifications", notifications.size());
    counts.put("documents", documents.size());
    counts.put("register", register.size());
    counts.put("account", account == null ? 0 : 1);
    audit.record(AuditAction.ACCESS_REQUEST, subject.auditSubject(), "Auskunft erteilt: " + summary(counts));
    Map<String, String> query = subject.byEmail() ? Map.of("email", subject.email())
        : Map.of("reference", subject.reference());
    return new AccessReport(query, subject.auditSubject(), List.copyOf(subject.references()), processes, entries,
        notifications, documents, register, account, counts);
  }

  static String summary(Map<String, Integer> counts) {
    return "Vorgänge " + counts.get("processes") + " (Variablen " + counts.get("processVariables") + "), Verlauf "
        + counts.get("history") + ", Benachrichtigungen " + counts.get("notifications") + ", Dokumente "
        + counts.get("documents") + ", Anfrageregister " + counts.get("register") + ", Benutzerkonto "
        + counts.get("account");
  }

  private List<AccessReport.Variable> variables(DataSubject subject, HistoricProcessInstance instance,
      boolean contactInstance) {
    List<AccessReport.Variable> variables = new ArrayList<>();
    if (instance.getEndTime() == null) {
      for (VariableInstance variable : runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
          .disableCustomObjectDeserialization().list()) {
        String value = StoredText.shown(variable.getTypedValue());
        if (concerns(subject, contactInstance, variable.getName(), value)) {
          variables.add(new AccessReport.Variable(variable.getName(), value));
        }
      }
    } else {
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).disableCustomObjectDeserialization().list()) {
        String value = StoredText.shown(variable.getTypedValue());
        if (concerns(subject, contactInstance, variable.getName(), value)) {
          variables.add(new AccessReport.Variable(variable.getName(), value));
        }
      }
    }
    variables.sort(Comparator.comparing(AccessReport.Variable::name));
    return variables;
  }

  private static boolean concerns(DataSubject subject, boolean contactInstance, String name, String value) {
    return !subject.byEmail() || (contactInstance && SubjectLookup.CONTACT_VARIABLES.contains(name))
        || subject.identifiers().foundIn(value);
  }

  private List<AccessReport.HistoryEntry> historyOf(DataSubject subject, String instanceId, boolean contactInstance) {
    List<AccessReport.HistoryEntry> entries = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instanceId)
        .disableCustomObjectDeserialization().list()) {
      if (detail instanceof HistoricVariableUpdate update) {
        String value = StoredText.shown(update.getTypedValue());
        if (concerns(subject, contactInstance, update.getVariableName(), value)) {
          entries.add(new AccessReport.HistoryEntry(instanceId, "Variable", update.getVariableName(),
              update.getTime(), value));
        }
      } else if (detail instanceof HistoricFormField field) {
        String value = field.getFieldValue() == null ? "" : String.valueOf(field.getFieldValue());
        if (concerns(subject, false, field.getFieldId(), value)) {
          entries.add(new AccessReport.HistoryEntry(instanceId, "Formularfeld", field.getFieldId(), field.getTime(),
              value));
        }
      }
    }
    for (Comment comment : tasks.getProcessInstanceComments(instanceId)) {
      if (!subject.byEmail() || subject.identifiers().foundIn(comment.getFullMessage())) {
        entries.add(new AccessReport.HistoryEntry(instanceId, "Kommentar", comment.getTaskId(), comment.getTime(),
            comment.getFullMessage()));
      }
    }
    for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(instanceId).failureLog().list()) {
      if (!subject.byEmail() || subject.identifiers().foundIn(log.getJobExceptionMessage())) {
        entries.add(new AccessReport.HistoryEntry(instanceId, "Job-Protokoll", log.getJobDefinitionType(),
            log.getTimestamp(), log.getJobExceptionMessage()));
      }
    }
    for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(instanceId).list()) {
      if (!subject.byEmail() || subject.identifiers().foundIn(incident.getIncidentMessage())) {
        entries.add(new AccessReport.HistoryEntry(instanceId, "Vorfall", incident.getIncidentType(),
            incident.getCreateTime(), incident.getIncidentMessage()));
      }
    }
    return entries;
  }

  private List<AccessReport.Notification> notifications(DataSubject subject) {
    List<AccessReport.Notification> found = new ArrayList<>();
    List<String> keys = new ArrayList<>(subject.references());
    StringBuilder sql = new StringBuilder("SELECT id, template, recipient, business_key, subject, status, "
        + "created_at, sent_at, body_text FROM kkb_notification WHERE ");
    List<Object> arguments = new ArrayList<>();
    if (subject.byEmail()) {
      sql.append("LOWER(recipient) = ?");
      arguments.add(subject.email());
    } else {
      sql.append("1 = 0");
    }
    for (String key : keys) {
      sql.append(" OR business_key = ?");
      arguments.add(key);
    }
    sql.append(" ORDER BY created_at, id");
    jdbc.query(sql.toString(), rs -> {
      AccessReport.Notification notification = new AccessReport.Notification(rs.getString(1), rs.getString(2),
          rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7), rs.getTimestamp(8),
          rs.getString(9));
      boolean toThePerson = subject.byEmail() && subject.email().equalsIgnoreCase(notification.recipient());
      if (!subject.byEmail() || toThePerson || subject.identifiers().foundIn(notification.subject())
          || subject.identifiers().foundIn(notification.text())) {
        found.add(notification);
      }
    }, arguments.toArray());
    return found;
  }

  private List<AccessReport.Document> documents(Set<String> references) {
    List<AccessReport.Document> documents = new ArrayList<>();
    for (String reference : references) {
      documents.addAll(jdbc.query("SELECT id, reference, file_name, media_type, size_bytes, uploaded_at "
              + "FROM kkb_document WHERE reference = ? ORDER BY uploaded_at, file_name",
          (rs, row) -> new AccessReport.Document(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getLong(5), rs.getTimestamp(6), "/api/documents/" + rs.getString(1)), reference));
    }
    return documents;
  }

  private List<AccessReport.RegisterEntry> register(Set<String> references) {
    List<AccessReport.RegisterEntry> entries = new ArrayList<>();
    for (String reference : references) {
      entries.addAll(jdbc.query("SELECT reference, municipality_name, ags, created_at, open_ags FROM kkb_request "
              + "WHERE reference = ?",
          (rs, row) -> new AccessReport.RegisterEntry(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getTimestamp(4), rs.getString(5) != null), reference));
    }
    return entries;
  }

  private AccessReport.Account account(User user) {
    if (user == null) {
      return null;
    }
    List<String> groups = identity.createGroupQuery().groupMember(user.getId()).list().stream()
        .map(Group::getId).sorted().toList();
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : identity.getUserInfoKeys(user.getId())) {
      settings.put(key, identity.getUserInfo(user.getId(), key));
    }
    return new AccessReport.Account(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), groups,
        settings);
  }

  private static String state(HistoricProcessInstance instance) {
    return switch (instance.getState()) {
      case HistoricProcessInstance.STATE_ACTIVE -> "läuft";
      case HistoricProcessInstance.STATE_SUSPENDED -> "angehalten";
      case HistoricProcessInstance.STATE_COMPLETED -> "beendet";
      default -> "abgebrochen";
    };
  }
}
