package de.kkb.identity;

import de.kkb.platform.EngineAsPlatform;
import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Create listener of every user task: a carrier's consultants who are candidates of a task may read
 * the process instance it belongs to. Tasklist's columns (municipality, reference, measure) are that
 * instance's variables, which the engine shows only to readers of the instance; the forms show the same
 * data anyway. The grant opens no endpoint: the engine API a consultant may call stays the list of
 * {@code de.kkb.security.ConsultantEngineApi}, which has no instance, variable or history endpoint.
 */
@Component
public class InstanceReadGrants implements TaskListener {

  private final ProgrammeCalendar programme;

  public InstanceReadGrants(ProgrammeCalendar programme) {
    this.programme = programme;
  }

  @Override
  public void notify(DelegateTask task) {
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    String instance = task.getProcessInstanceId();
    for (IdentityLink link : task.getCandidates()) {
      String group = link.getGroupId();
      if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || !programme.consultantGroups().contains(group)) {
        continue;
      }
      // The person whose action created the task may not manage grants; the rule is the platform's.
      EngineAsPlatform.call(() -> {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE)
            .resourceId(instance).count() == 0) {
          Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          grant.setGroupId(group);
          grant.setResource(Resources.PROCESS_INSTANCE);
          grant.setResourceId(instance);
          grant.addPermission(Permissions.READ);
          authorizations.saveAuthorization(grant);
        }
        return null;
      });
    }
  }
}
