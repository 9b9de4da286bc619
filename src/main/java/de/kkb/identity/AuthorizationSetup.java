package de.kkb.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.CriticalSituationProcess;
import de.kkb.vocabulary.WithdrawalRecordingProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * The group-wide grants: which webapps each group may open, and what programme management may
 * read. Every carrier configured in {@code kkb.programme.carriers} gets the same grants. Access to a
 * municipality's own work (tasks, instances) comes from the processes, per carrier, not from here.
 */
@Component
public class AuthorizationSetup {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";

  private final AuthorizationService authorizationService;
  private final ProgrammeCalendar programme;

  AuthorizationSetup(AuthorizationService authorizationService, ProgrammeCalendar programme) {
    this.authorizationService = authorizationService;
    this.programme = programme;
  }

  void run() {
    for (Resources resource : Resources.values()) {
      grant(KkbGroups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
    }

    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.PROCESS_DEFINITION, Authorization.ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY);
    for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.TASK,
        Resources.DEPLOYMENT, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.USER,
        Resources.GROUP)) {
      grant(KkbGroups.PROGRAMME_MANAGEMENT, resource, Authorization.ANY, Permissions.READ);
    }
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.HISTORIC_TASK, Authorization.ANY,
        HistoricTaskPermissions.READ);
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY,
        HistoricProcessInstancePermissions.READ);
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.DECISION_DEFINITION, Authorization.ANY,
        Permissions.READ, Permissions.READ_HISTORY);
    // Programme management may start a consultation by hand from Tasklist.
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.PROCESS_DEFINITION, ConsultationProcess.KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    // ... and record a municipality's withdrawal ("Rückzug einer Kommune erfassen").
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.PROCESS_DEFINITION, WithdrawalRecordingProcess.KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.PROCESS_INSTANCE, Authorization.ANY,
        Permissions.CREATE);
    // Programme management may give a consultation's task to another consultant of its carrier,
    // which makes them the lead (Consultants); it still works only on its own tasks.
    grant(KkbGroups.PROGRAMME_MANAGEMENT, Resources.TASK, Authorization.ANY, TaskPermissions.TASK_ASSIGN);

    for (String consultants : programme.consultantGroups()) {
      grant(consultants, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      // Definitions carry no municipality data; Tasklist needs them for process names.
      grant(consultants, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
      // "Kritische Lage melden" from Tasklist; CriticalSituations checks the consultation is theirs.
      grant(consultants, Resources.PROCESS_DEFINITION, CriticalSituationProcess.KEY,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(consultants, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
    // Applicants have no account and no grant: a request starts only through the intake, which
    // checks every field and chooses the reference itself. Grants an earlier version gave the
    // retired group go.
    revokeAll(KkbGroups.APPLICANTS);
  }

  /** Removes every grant of a group, including ones an earlier version of the platform created. */
  void revokeAll(String groupId) {
    authorizationService.createAuthorizationQuery().groupIdIn(groupId).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
  }

  /** Adds a group grant; an existing grant for the same resource gains the missing permissions. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    boolean changed = false;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      changed = true;
    }
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
