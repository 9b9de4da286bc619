package de.kkb.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import de.kkb.platform.EngineAsPlatform;
import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
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

  /**
   * Bound of {@link #granted}: the grants of the most recent instances; an older instance's next task
   * only costs one query again.
   */
  static final int REMEMBERED = 10_000;

  /**
   * Group-and-instance grants this node has seen committed, so that the next task of the same instance
   * (a consultation has fifteen) needs no query. Only committed ones: a rolled-back grant must be made
   * again.
   */
  private final Set<String> granted = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      }));

  @Override
  public void notify(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      String group = link.getGroupId();
      if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || !programme.consultantGroups().contains(group)) {
        continue;
      }
      String grant = group + "|" + task.getProcessInstanceId();
      if (granted.contains(grant)) {
        continue;
      }
      // The person whose action created the task may not manage grants; the rule is the platform's.
      EngineAsPlatform.call(() -> {
        authorizations.grant(group, Resources.PROCESS_INSTANCE, task.getProcessInstanceId(), Permissions.READ);
        return null;
      });
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> granted.add(grant));
    }
  }
}
