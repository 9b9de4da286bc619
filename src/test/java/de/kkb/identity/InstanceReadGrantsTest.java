package de.kkb.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Set;
import java.util.UUID;

import de.kkb.support.PlatformTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The consultants' read grant on a task's instance, and the memory of grants that spares queries. */
@PlatformTest
class InstanceReadGrantsTest {

  static final String GROUP = "consultants-k3b";

  @Autowired
  InstanceReadGrants grants;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  ProcessEngineConfigurationImpl engine;

  @Test
  void aGrantRolledBackWithItsTaskIsMadeAgainForTheNextTask() {
    String instance = UUID.randomUUID().toString();
    DelegateTask task = taskOf(instance);

    assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
      grants.notify(task);
      throw new IllegalStateException("the task's transaction fails");
    })).hasMessageContaining("fails");
    assertThat(readGrants(instance)).isZero();

    engine.getCommandExecutorTxRequired().execute(context -> {
      grants.notify(task);
      return null;
    });
    assertThat(readGrants(instance)).isOne();
    // The next task of the instance keeps the one grant.
    engine.getCommandExecutorTxRequired().execute(context -> {
      grants.notify(taskOf(instance));
      return null;
    });
    assertThat(readGrants(instance)).isOne();
  }

  private long readGrants(String instance) {
    return authorizationService.createAuthorizationQuery().groupIdIn(GROUP).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(instance).hasPermission(Permissions.READ).count();
  }

  private static DelegateTask taskOf(String instance) {
    IdentityLink candidate = mock(IdentityLink.class);
    when(candidate.getGroupId()).thenReturn(GROUP);
    when(candidate.getType()).thenReturn(IdentityLinkType.CANDIDATE);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getCandidates()).thenReturn(Set.of(candidate));
    when(task.getProcessInstanceId()).thenReturn(instance);
    return task;
  }
}
