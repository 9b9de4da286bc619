package de.kkb.dataprotection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.kkb.audit.AuditAction;
import de.kkb.audit.AuditLog;
import de.kkb.notification.NotificationLog;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure (Art. 17 DSGVO), for admins, always with a reason, in one transaction: a refusal changes
 * nothing.
 *
 * <ul>
 *   <li><b>A contact person, by e-mail address</b>: the contact variables of their requests become
 *       {@link ErasedContact} placeholders, and their address, name and phone number are taken out
 *       of every text of those requests and their consultations (variables and step records, the
 *       history of every variable, form fields, comments, job and incident messages, the
 *       notification log, document names, the audit trail). Running instances keep running; no notice
 *       goes to the placeholder. An engine account with the address is deleted, unless its owner still
 *       has work. Allowed also for a selected request within its retention period
 *       ({@link FundingRetention}).</li>
 *   <li><b>A request, by reference</b>: its process instances (request, consultation, measures,
 *       reports) are deleted with their history, its notices and documents deleted, its register entry
 *       reduced to the reference (so no reference is given twice). Refused for a selected request
 *       within its retention period.</li>
 * </ul>
 *
 * Engine APIs where there are any (variables, historic variable instances with their details,
 * comments, instances and their history, users). Where there is none, the smallest measure in SQL:
 * the values of form fields in the history ({@code ACT_HI_DETAIL.TEXT_} of its form-property rows), and the exception
 * messages and stack traces of jobs, job logs and incidents, have the person's strings replaced.
 */
@Service
public class Erasures {

  /** The stores as the result and the audit entry name them. */
  static final String VARIABLES = "Prozessvariablen";
  static final String HISTORY = "Verlauf (Variablen)";
  static final String FORM_FIELDS = "Verlauf (Formularfelder)";
  static final String COMMENTS = "Kommentare";
  static final String ENGINE_MESSAGES = "Job- und Vorfallmeldungen";
  static final String INSTANCES = "Vorgänge";
  static final String NOTIFICATIONS = "Benachrichtigungen";
  static final String DOCUMENTS = "Dokumente";
  static final String REGISTER = "Anfrageregister";
  static final String AUDIT = "Audit-Einträge";
  static final String ACCOUNT = "Benutzerkonto";
  /** A step of a process changed the same data at the same moment: the erasure rolled back. */
  static final String CONCURRENT = "Ein Vorgang hat dieselben Daten gerade geändert; es wurde nichts gelöscht. "
      + "Bitte versuchen Sie es erneut.";

  private final SubjectLookup lookup;
  private final FundingRetention retention;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ManagementService management;
  /** Only for comments of ended instances; the standalone engines of the process tests have none as a bean. */
  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  public Erasures(SubjectLookup lookup, FundingRetention retention, RuntimeService runtime, HistoryService history,
      TaskService tasks, IdentityService identity, AuthorizationService authorizations, ManagementService management,
      ObjectProvider<ProcessEngineConfigurationImpl> engine, JdbcTemplate jdbc, AuditLog audit) {
    this.lookup = lookup;
    this.retention = retention;
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.authorizations = authorizations;
    this.management = management;
    this.engine = engine;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** What an erasure of the address would touch, for the confirmation; refusals as {@link ErasureRefused}. */
  @Transactional(readOnly = true)
  public DataSubject checkContact(String email) {
    DataSubject subject = lookup.byEmail(email);
    if (!subject.found()) {
      throw new NothingStored("Zu dieser E-Mail-Adresse ist nichts gespeichert.");
    }
    refuseAccountWithWork(subject);
    return subject;
  }

  @Transactional(readOnly = true)
  public DataSubject checkRequest(String reference) {
    DataSubject subject = lookup.byReference(reference);
    if (!subject.found()) {
      throw new NothingStored("Zu diesem Aktenzeichen ist nichts gespeichert.");
    }
    retention.refusalToErase(subject.reference()).ifPresent(reason -> {
      throw new ErasureRefused(reason);
    });
    return subject;
  }

  @Transactional
  public ErasureResult eraseContact(String email, String reason) {
    DataSubject subject = checkContact(email);
    PersonalText person = subject.identifiers();
    Map<String, Integer> erased = counts();
    List<String> kept = new ArrayList<>();
    anonymiseVariables(subject, erased);
    erased.merge(FORM_FIELDS, scrubFormFields(subject.relatedInstances(), person), Integer::sum);
    erased.merge(COMMENTS, deleteComments(subject.relatedInstances(), person), Integer::sum);
    erased.merge(ENGINE_MESSAGES, scrubEngineMessages(person), Integer::sum);
    erased.merge(NOTIFICATIONS, anonymiseNotifications(subject, person), Integer::sum);
    int documents = 0;
    for (String reference : subject.references()) {
      erased.merge(DOCUMENTS, scrubDocumentNames(reference, person), Integer::sum);
      documents += count("SELECT COUNT(*) FROM kkb_document WHERE reference = ?", reference);
    }
    if (documents > 0) {
      kept.add(documents + " Dokument(e) der Anfrage(n) " + String.join(", ", subject.references())
          + " (Unterlagen der Kommune; Inhalt unverändert, löschbar mit der Anfrage über ihr Aktenzeichen)");
    }
    erased.merge(AUDIT, scrubAudit(person), Integer::sum);
    if (subject.account() != null) {
      deleteAccount(subject.account().getId());
      erased.merge(ACCOUNT, 1, Integer::sum);
      kept.add("die Kennung des Benutzerkontos in Aufgaben und Verlauf (wer was bearbeitet hat)");
    }
    return recorded(subject, reason, erased, kept);
  }

  @Transactional
  public ErasureResult eraseRequest(String reference, String reason) {
    DataSubject subject = checkRequest(reference);
    String ref = subject.reference();
    PersonalText person = subject.identifiers();
    Map<String, Integer> erased = counts();
    // The outermost running instances: deleting them deletes what they called.
    List<String> running = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.copyOf(subject.relatedInstances())).unfinished().list().stream()
        .filter(i -> i.getSuperProcessInstanceId() == null || !subject.relatedInstances().contains(i.getSuperProcessInstanceId()))
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      // No listeners: an end listener would notify the applicant of the request's end.
      runtime.deleteProcessInstancesIfExists(running, "Löschung nach Art. 17 DSGVO", true, true, false);
    }
    for (String instance : subject.relatedInstances()) {
      // Notices are jobs without an execution: they outlive their instance.
      management.createJobQuery().processInstanceId(instance).list().forEach(job -> management.deleteJob(job.getId()));
    }
    erased.merge(ENGINE_MESSAGES, scrubEngineMessages(person), Integer::sum);
    history.deleteHistoricProcessInstancesIfExists(List.copyOf(subject.relatedInstances()));
    erased.merge(INSTANCES, subject.relatedInstances().size(), Integer::sum);
    erased.merge(NOTIFICATIONS, jdbc.update("DELETE FROM kkb_notification WHERE business_key = ?", ref), Integer::sum);
    erased.merge(DOCUMENTS, jdbc.update("DELETE FROM kkb_document WHERE reference = ?", ref), Integer::sum);
    jdbc.update("DELETE FROM kkb_place WHERE reference = ?", ref);
    erased.merge(REGISTER, jdbc.update("UPDATE kkb_request SET municipality_name = ?, ags = ?, open_ags = NULL, "
        + "access_token_hash = ? WHERE reference = ?", ErasedContact.NAME, "00000000", "-", ref), Integer::sum);
    erased.merge(AUDIT, scrubAudit(person), Integer::sum);
    List<String> kept = List.of("das Aktenzeichen im Anfrageregister (damit es nicht erneut vergeben wird) und im Audit-Protokoll");
    return recorded(subject, reason, erased, kept);
  }

  private ErasureResult recorded(DataSubject subject, String reason, Map<String, Integer> erased, List<String> kept) {
    ErasureResult result = new ErasureResult(subject.auditSubject(), erased, kept);
    String detail = "Grund: " + subject.identifiers().scrub(reason.strip()) + " – gelöscht/anonymisiert: " + result.summary();
    audit.record(AuditAction.ERASURE, subject.auditSubject(), detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    return result;
  }

  private static Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String store : List.of(VARIABLES, HISTORY, FORM_FIELDS, COMMENTS, ENGINE_MESSAGES, INSTANCES, NOTIFICATIONS,
        DOCUMENTS, REGISTER, AUDIT, ACCOUNT)) {
      counts.put(store, 0);
    }
    return counts;
  }

  // --- variables and their history ---

  /**
   * Replaces the contact variables with placeholders and the person's strings in every other
   * variable; deletes the history of every variable that held them (the historic instance with its
   * details, through the engine), then sets the running variables again, so their history starts
   * with the anonymised value.
   */
  private void anonymiseVariables(DataSubject subject, Map<String, Integer> erased) {
    PersonalText person = subject.identifiers();
    Map<String, VariableInstance> current = new HashMap<>();
    Map<String, TypedValue> replaced = new HashMap<>();
    // The engine refuses a query for an empty set of ids (an address with an account and no request).
    Set<String> running = subject.relatedInstances().isEmpty() ? Set.of() : Set.copyOf(runtime.createProcessInstanceQuery()
        .processInstanceIds(Set.copyOf(subject.relatedInstances())).list().stream().map(ProcessInstance::getId).toList());
    if (!running.isEmpty()) {
      for (VariableInstance variable : runtime.createVariableInstanceQuery()
          .processInstanceIdIn(running.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
        current.put(variable.getId(), variable);
        TypedValue anonymised = anonymised(subject, variable.getProcessInstanceId(), variable.getName(),
            variable.getTypedValue());
        if (anonymised != null) {
          replaced.put(variable.getId(), anonymised);
        }
      }
    }
    Set<String> purged = new java.util.HashSet<>();
    for (String instance : subject.relatedInstances()) {
      Map<String, Boolean> detailNamesPerson = new HashMap<>();
      for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
          .disableCustomObjectDeserialization().list()) {
        HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
        if (person.foundIn(StoredText.of(update.getTypedValue()))) {
          detailNamesPerson.put(update.getVariableInstanceId(), true);
        }
      }
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(instance)
          .includeDeleted().disableCustomObjectDeserialization().list()) {
        boolean contact = subject.contactInstances().contains(instance)
            && SubjectLookup.CONTACT_VARIABLES.contains(variable.getName());
        if (contact || replaced.containsKey(variable.getId()) || detailNamesPerson.containsKey(variable.getId())
            || person.foundIn(StoredText.of(variable.getTypedValue()))) {
          history.deleteHistoricVariableInstance(variable.getId());
          purged.add(variable.getId());
          erased.merge(HISTORY, 1, Integer::sum);
        }
      }
    }
    for (String id : purged) {
      VariableInstance variable = current.get(id);
      if (variable != null) {
        TypedValue value = replaced.getOrDefault(id, variable.getTypedValue());
        set(variable, value);
        if (replaced.containsKey(id)) {
          erased.merge(VARIABLES, 1, Integer::sum);
        }
      }
    }
    for (Map.Entry<String, TypedValue> left : replaced.entrySet()) {
      if (!purged.contains(left.getKey())) {
        set(current.get(left.getKey()), left.getValue());
        erased.merge(VARIABLES, 1, Integer::sum);
      }
    }
  }

  /** The anonymised value, or null when the variable names nothing of the person. */
  private TypedValue anonymised(DataSubject subject, String instance, String name, TypedValue value) {
    if (subject.contactInstances().contains(instance) && SubjectLookup.CONTACT_VARIABLES.contains(name)) {
      String placeholder = ConsultationRequestProcess.Variables.CONTACT_EMAIL.equals(name) ? ErasedContact.EMAIL
          : ErasedContact.NAME;
      return placeholder.equals(value.getValue()) ? null : Variables.stringValue(placeholder);
    }
    String text = StoredText.of(value);
    if (!subject.identifiers().foundIn(text)) {
      return null;
    }
    String scrubbed = subject.identifiers().scrub(text);
    if (value instanceof SerializableValue serializable) {
      return switch (value.getType().getName()) {
        case "json" -> SpinValues.jsonValue(scrubbed).create();
        case "xml" -> SpinValues.xmlValue(scrubbed).create();
        default -> Variables.serializedObjectValue(scrubbed)
            .serializationDataFormat(serializable.getSerializationDataFormat())
            .objectTypeName(((org.camunda.bpm.engine.variable.value.ObjectValue) serializable).getObjectTypeName())
            .create();
      };
    }
    return Variables.stringValue(scrubbed);
  }

  private void set(VariableInstance variable, TypedValue value) {
    if (variable.getTaskId() != null) {
      tasks.setVariableLocal(variable.getTaskId(), variable.getName(), value);
    } else {
      runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), value);
    }
  }

  // --- what the engine offers no API for ---

  /**
   * Form fields of submitted task forms (history level full): the engine deletes them only with the
   * whole instance's history, so their value is rewritten with the person's strings replaced.
   */
  private int scrubFormFields(Set<String> instances, PersonalText person) {
    int changed = 0;
    for (String instance : instances) {
      for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance).formFields().list()) {
        HistoricFormField field = (HistoricFormField) detail;
        String value = field.getFieldValue() == null ? null : field.getFieldValue().toString();
        if (person.foundIn(value)) {
          changed += jdbc.update("UPDATE ACT_HI_DETAIL SET TEXT_ = ? WHERE ID_ = ?", person.scrub(value),
              field.getId());
        }
      }
    }
    return changed;
  }

  /**
   * Comments naming the person are deleted: through the task while it is open, through the running
   * instance, or, for an ended instance (where the engine's comment API refuses), through the
   * engine's own persistence.
   */
  private int deleteComments(Set<String> instances, PersonalText person) {
    int deleted = 0;
    for (String instance : instances) {
      boolean instanceRuns = runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0;
      for (Comment comment : tasks.getProcessInstanceComments(instance)) {
        if (!person.foundIn(comment.getFullMessage())) {
          continue;
        }
        if (comment.getTaskId() != null && tasks.createTaskQuery().taskId(comment.getTaskId()).count() > 0) {
          tasks.deleteTaskComment(comment.getTaskId(), comment.getId());
        } else if (instanceRuns) {
          tasks.deleteProcessInstanceComment(instance, comment.getId());
        } else {
          engine.getObject().getCommandExecutorTxRequired().execute(context -> {
            CommentEntity entity = context.getDbEntityManager().selectById(CommentEntity.class, comment.getId());
            if (entity != null) {
              context.getDbEntityManager().delete(entity);
            }
            return null;
          });
        }
        deleted++;
      }
    }
    return deleted;
  }

  /** Exception messages and stack traces of jobs, job logs and incidents (no engine API changes them). */
  private int scrubEngineMessages(PersonalText person) {
    if (person.isEmpty()) {
      return 0;
    }
    int changed = 0;
    changed += scrubColumn("ACT_HI_JOB_LOG", "JOB_EXCEPTION_MSG_", "JOB_EXCEPTION_STACK_ID_", person);
    changed += scrubColumn("ACT_RU_JOB", "EXCEPTION_MSG_", "EXCEPTION_STACK_ID_", person);
    changed += scrubColumn("ACT_RU_INCIDENT", "INCIDENT_MSG_", null, person);
    changed += scrubColumn("ACT_HI_INCIDENT", "INCIDENT_MSG_", null, person);
    return changed;
  }

  private int scrubColumn(String table, String column, String stackColumn, PersonalText person) {
    StringBuilder where = new StringBuilder();
    List<Object> patterns = new ArrayList<>();
    for (String identifier : person.identifiers()) {
      where.append(where.isEmpty() ? "" : " OR ").append("LOWER(").append(column).append(") LIKE ? ESCAPE '!'");
      patterns.add("%" + like(identifier) + "%");
    }
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT ID_, " + column
        + (stackColumn == null ? "" : ", " + stackColumn) + " FROM " + table + " WHERE " + where, patterns.toArray());
    for (Map<String, Object> row : rows) {
      String id = (String) value(row, "ID_");
      jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE ID_ = ?", person.scrub((String) value(row, column)), id);
      String stack = stackColumn == null ? null : (String) value(row, stackColumn);
      if (stack != null) {
        byte[] bytes = jdbc.query("SELECT BYTES_ FROM ACT_GE_BYTEARRAY WHERE ID_ = ?",
            rs -> rs.next() ? rs.getBytes(1) : null, stack);
        if (bytes != null) {
          String text = new String(bytes, StandardCharsets.UTF_8);
          if (person.foundIn(text)) {
            jdbc.update("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE ID_ = ?",
                person.scrub(text).getBytes(StandardCharsets.UTF_8), stack);
          }
        }
      }
    }
    return rows.size();
  }

  private static Object value(Map<String, Object> row, String column) {
    // H2 answers upper-case column names, PostgreSQL lower-case ones.
    Object value = row.get(column);
    return value != null ? value : row.get(column.toLowerCase(Locale.ROOT));
  }

  private static String like(String text) {
    return text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  // --- the platform's own tables ---

  /**
   * Notices to the address get the placeholder as recipient; a notice still waiting is not sent
   * ({@link NotificationLog#SUPPRESSED}). Subjects, bodies and errors of the requests' notices lose
   * the person's strings.
   */
  private int anonymiseNotifications(DataSubject subject, PersonalText person) {
    StringBuilder sql = new StringBuilder("SELECT id, recipient, subject, body_text, body_html, status, last_error "
        + "FROM kkb_notification WHERE LOWER(recipient) = ?");
    List<Object> arguments = new ArrayList<>(List.of(subject.email()));
    for (String reference : subject.references()) {
      sql.append(" OR business_key = ?");
      arguments.add(reference);
    }
    int changed = 0;
    for (Map<String, Object> row : jdbc.queryForList(sql.toString(), arguments.toArray())) {
      String recipient = (String) value(row, "recipient");
      boolean toThePerson = subject.email().equalsIgnoreCase(recipient.strip());
      String[] texts = {(String) value(row, "subject"), (String) value(row, "body_text"),
          (String) value(row, "body_html"), (String) value(row, "last_error")};
      boolean names = false;
      for (String text : texts) {
        names |= person.foundIn(text);
      }
      if (!toThePerson && !names) {
        continue;
      }
      String status = (String) value(row, "status");
      jdbc.update("UPDATE kkb_notification SET recipient = ?, subject = ?, body_text = ?, body_html = ?, "
              + "last_error = ?, status = ? WHERE id = ?",
          toThePerson ? ErasedContact.EMAIL : recipient, person.scrub(texts[0]), person.scrub(texts[1]),
          person.scrub(texts[2]), person.scrub(texts[3]),
          toThePerson && NotificationLog.PENDING.equals(status) ? NotificationLog.SUPPRESSED : status,
          value(row, "id"));
      changed++;
    }
    return changed;
  }

  private int scrubDocumentNames(String reference, PersonalText person) {
    int changed = 0;
    for (Map<String, Object> row : jdbc.queryForList("SELECT id, file_name FROM kkb_document WHERE reference = ?",
        reference)) {
      String name = (String) value(row, "file_name");
      if (person.foundIn(name)) {
        changed += jdbc.update("UPDATE kkb_document SET file_name = ? WHERE id = ?", person.scrub(name),
            value(row, "id"));
      }
    }
    return changed;
  }

  private int scrubAudit(PersonalText person) {
    int changed = 0;
    for (Map<String, Object> row : jdbc.queryForList("SELECT id, subject, detail FROM kkb_audit")) {
      String subject = (String) value(row, "subject");
      String detail = (String) value(row, "detail");
      if (person.foundIn(subject) || person.foundIn(detail)) {
        changed += jdbc.update("UPDATE kkb_audit SET subject = ?, detail = ? WHERE id = ?", person.scrub(subject),
            person.scrub(detail), value(row, "id"));
      }
    }
    return changed;
  }

  private int count(String sql, Object... arguments) {
    Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
    return count == null ? 0 : count;
  }

  // --- engine accounts ---

  /**
   * An account whose owner still has open tasks or leads a running consultation is not deleted: the
   * work would lose its person. Nor one's own account.
   */
  private void refuseAccountWithWork(DataSubject subject) {
    if (subject.account() == null) {
      return;
    }
    String id = subject.account().getId();
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller != null && id.equals(caller.getName())) {
      throw new ErasureRefused("Das eigene Benutzerkonto kann nicht über die Löschung entfernt werden.");
    }
    long openTasks = tasks.createTaskQuery().taskAssignee(id).count();
    long leads = runtime.createVariableInstanceQuery().variableValueEquals(CommonVariables.CONSULTANT_LEAD, id).count();
    if (openTasks > 0 || leads > 0) {
      throw new ErasureRefused("Zu dieser E-Mail-Adresse gehört das Benutzerkonto „" + id + "“, dem noch "
          + openTasks + " offene Aufgabe(n) zugewiesen sind und das in " + leads + " laufenden Vorgängen die "
          + "Federführung hat. Bitte übertragen Sie Aufgaben und Federführung zuerst (Tasklist), dann kann das "
          + "Konto gelöscht werden.");
    }
  }

  private void deleteAccount(String userId) {
    for (Authorization grant : authorizations.createAuthorizationQuery().userIdIn(userId).list()) {
      authorizations.deleteAuthorization(grant.getId());
    }
    for (String key : identity.getUserInfoKeys(userId)) {
      identity.deleteUserInfo(userId, key);
    }
    identity.deleteUser(userId);
  }
}
