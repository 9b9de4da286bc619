package de.kkb.identity;

import de.kkb.platform.EngineAsPlatform;
import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
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
  private final AuthorizationSetup authorizations;

  public InstanceReadGrants(ProgrammeCalendar programme, @Lazy AuthorizationSetup authorizations) {
    this.programme = programme;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      String group = link.getGroupId();
      if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || !programme.consultantGroups().contains(group)) {
        continue;
      }
      // The person whose action created the task may not manage grants; the rule is the platform's.
      EngineAsPlatform.call(() -> {
        authorizations.grant(group, Resources.PROCESS_INSTANCE, task.getProcessInstanceId(), Permissions.READ);
        return null;
      });
    }
  }
}
