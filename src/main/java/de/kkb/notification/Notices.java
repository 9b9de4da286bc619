package de.kkb.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import de.kkb.dataprotection.ErasedContact;
import de.kkb.platform.EngineAsPlatform;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who is told what: renders a notice, records it in the {@link NotificationLog} under a stable id
 * and schedules its sending as a job of its own ({@link SendNotificationJobHandler}), all inside
 * the transaction of the step that caused it.
 *
 * <p>The request model's send tasks reach {@link #toApplicant} through
 * {@code de.kkb.intake.ApplicantNotices}; the user task listeners of {@link NotificationPlugin} call it
 * for new and assigned tasks.
 */
public class Notices {

  private final NotificationLog log;
  private final MailTemplates templates;
  private final IdentityService identityService;
  private final NotificationProperties properties;
  private final NoticePreferences preferences;
  private final int retries;

  public Notices(NotificationLog log, MailTemplates templates, IdentityService identityService,
      NotificationProperties properties, NoticePreferences preferences, int retries) {
    this.log = log;
    this.templates = templates;
    this.identityService = identityService;
    this.properties = properties;
    this.preferences = preferences;
    this.retries = retries;
  }

  /**
   * Tasks someone must act on now: a critical situation reported ("Eskalation bewerten") and a
   * withdrawal ("Rückzug der Kommune zur Kenntnis nehmen"). They are mailed at once, whatever the
   * person chose; every other task waits for the daily digest, unless the person chose "sofort".
   */
  public static final Set<String> URGENT_TASKS = Set.of(ConsultationProcess.Tasks.ASSESS_ESCALATION,
      ConsultationProcess.Tasks.ACKNOWLEDGE_WITHDRAWAL);

  /** Whether the person wants a mail for each task, reminder and overdue task (DigestPreference). */
  public boolean wantsEachTask(User user) {
    return preferences.of(user.getId()) == DigestPreference.IMMEDIATE;
  }

  /**
   * The ids of everyone who wants a mail for each task, reminder and overdue task, in one query:
   * for work over many tasks, where asking person by person would cost a query per member and task.
   */
  public Set<String> wantingEachTask() {
    return preferences.choosing(DigestPreference.IMMEDIATE);
  }

  /** A notice to the applicant's contact address, once per request, template and status. */
  public void toApplicant(DelegateExecution execution, String template) {
    toApplicant(execution, template, Map.of());
  }

  /**
   * A notice to the applicant, with values for the template beyond the process variables (e.g. the
   * date a deadline ends); they are no process variables.
   */
  public void toApplicant(DelegateExecution execution, String template, Map<String, Object> extra) {
    Object email = execution.getVariable(ConsultationRequestProcess.Variables.CONTACT_EMAIL);
    // An erased contact has a placeholder address: nothing goes to it.
    if (email == null || email.toString().isBlank() || ErasedContact.isPlaceholder(email.toString())) {
      return;
    }
    Map<String, Object> model = new HashMap<>(execution.getVariables());
    model.putAll(extra);
    String key = execution.getProcessBusinessKey() + "|" + template + "|"
        + execution.getVariable(ConsultationRequestProcess.Variables.REQUEST_STATUS);
    enqueue(execution.getProcessInstanceId(), new Notice(template, email.toString(),
        execution.getProcessBusinessKey(), key, model));
  }

  /**
   * A new task: every member of its candidate groups who has an e-mail address and wants each task
   * at once (or all of them, for an urgent task); the others find it in their daily digest.
   */
  public void taskCreated(DelegateTask task) {
    boolean urgent = URGENT_TASKS.contains(task.getTaskDefinitionKey());
    // Most people take new tasks from their digest: one query says who wants them at once.
    Set<String> immediate = urgent ? Set.of() : wantingEachTask();
    if (!urgent && immediate.isEmpty()) {
      return;
    }
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() == null || !IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      for (User user : members(link.getGroupId())) {
        if (urgent || immediate.contains(user.getId())) {
          toUser(task, "task-created", user, "created");
        }
      }
    }
  }

  /** A task assigned to someone: that person, if they want each task at once (or it is urgent). */
  public void taskAssigned(DelegateTask task) {
    if (task.getAssignee() == null) {
      return;
    }
    User user = user(task.getAssignee());
    if (user != null && (URGENT_TASKS.contains(task.getTaskDefinitionKey()) || wantsEachTask(user))) {
      toUser(task, "task-assigned", user, "assigned|" + task.getAssignee());
    }
  }

  private void toUser(DelegateTask task, String template, User user, String key) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    toUser(user, template, execution == null ? null : execution.getProcessBusinessKey(),
        task.getProcessInstanceId(), task.getId() + "|" + key,
        taskModel(task.getVariables(), task.getId(), task.getName(), task.getDueDate()));
  }

  /** The model of a notice about a task: its variables, name, due date and Tasklist link. */
  public Map<String, Object> taskModel(Map<String, Object> variables, String taskId, String name,
      java.util.Date due) {
    Map<String, Object> model = new HashMap<>(variables);
    model.put("taskName", name);
    model.put("taskDue", due);
    model.put("taskUrl", properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    return model;
  }

  /** A notice to one user (skipped without an e-mail address), once per key. */
  public void toUser(User user, String template, String businessKey, String processInstanceId,
      String key, Map<String, Object> model) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      return;
    }
    Map<String, Object> personal = new HashMap<>(model);
    personal.put("firstName", user.getFirstName());
    personal.put("lastName", user.getLastName());
    enqueue(processInstanceId, new Notice(template, user.getEmail(), businessKey, personalKey(key, user), personal));
  }

  /** Whether the notice {@link #toUser} would queue for this template and key is already logged. */
  public boolean alreadyQueued(User user, String template, String key) {
    return user.getEmail() != null && !user.getEmail().isBlank()
        && log.contains(stableId(new Notice(template, user.getEmail(), null, personalKey(key, user), Map.of())));
  }

  private static String personalKey(String key, User user) {
    return key + "|" + user.getId();
  }

  /** The members of a group (whoever's action causes the notice, however little they may read). */
  public java.util.List<User> members(String groupId) {
    return EngineAsPlatform.call(() -> identityService.createUserQuery().memberOfGroup(groupId).list());
  }

  public User user(String userId) {
    return EngineAsPlatform.call(() -> identityService.createUserQuery().userId(userId).singleResult());
  }

  void enqueue(String processInstanceId, Notice notice) {
    Map<String, Object> model = new HashMap<>(notice.model());
    model.put("baseUrl", properties.baseUrl());
    model.put("businessKey", notice.businessKey());
    String id = stableId(notice);
    // Once per id: a notice already logged is neither rendered nor queued again.
    if (!log.add(id, notice, () -> templates.render(notice.template(), model))) {
      return;
    }
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(SendNotificationJobHandler.TYPE);
    job.setJobHandlerConfiguration(new SendNotificationJobHandler.Configuration(id));
    job.setRetries(retries);
    // Context for Cockpit, but not bound to an execution: a notice caused by an end event must
    // survive the end of its process instance.
    job.setProcessInstanceId(processInstanceId);
    Context.getCommandContext().getJobManager().send(job);
  }

  static String stableId(Notice notice) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          (notice.template() + "|" + notice.recipient() + "|" + notice.key()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
