package de.kkb.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import de.kkb.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class IdentityBootstrapTest {

  @Autowired
  IdentityBootstrap bootstrap;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  FilterService filterService;
  @Autowired
  ProcessEngineConfiguration engineConfiguration;

  @Test
  void groupsOfTheDesignExistWithGermanNames() {
    assertThat(identityService.createGroupQuery().list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("programme-management", "consultants-k3b",
            "consultants-forumzfd", "camunda-admin");
    assertThat(identityService.createGroupQuery().groupId("consultants-k3b").singleResult().getName())
        .isEqualTo("Berater:innen K3B");
  }

  @Test
  void authorizationIsOn() {
    assertThat(engineConfiguration.isAuthorizationEnabled()).isTrue();
  }

  @Test
  void demoUsersHaveNamesMailAndTheirGroup() {
    List<User> users = identityService.createUserQuery().list();
    assertThat(users).extracting(User::getId).containsExactlyInAnyOrder("demo", "steuerung",
        "k3b-anna", "k3b-ben", "fzfd-clara", "fzfd-david");
    assertThat(users).allSatisfy(user -> {
      assertThat(user.getFirstName()).isNotBlank();
      assertThat(user.getLastName()).isNotBlank();
      assertThat(user.getEmail()).contains("@");
      assertThat(identityService.checkPassword(user.getId(), "demo")).as(user.getId()).isTrue();
    });
    assertThat(identityService.createUserQuery().memberOfGroup("consultants-forumzfd").list())
        .extracting(User::getId).containsExactlyInAnyOrder("fzfd-clara", "fzfd-david");
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(User::getId).containsExactly("demo");
  }

  @Test
  void runningTheBootstrapAgainChangesNothing() {
    Snapshot before = snapshot();
    bootstrap.run();
    bootstrap.run();
    assertThat(snapshot()).isEqualTo(before);
  }

  private Snapshot snapshot() {
    // Revisions included: a re-run must not even save an unchanged row again.
    List<String> authorizations = authorizationService.createAuthorizationQuery().list().stream()
        .map(a -> (AuthorizationEntity) a)
        .map(a -> a.getAuthorizationType() + "|" + a.getGroupId() + "|" + a.getUserId() + "|"
            + a.getResourceType() + "|" + a.getResourceId() + "|" + a.getPermissions() + "|"
            + a.getRevision())
        .sorted().toList();
    List<String> filters = filterService.createFilterQuery().list().stream()
        .map(f -> f.getId() + "|" + f.getName() + "|" + ((FilterEntity) f).getRevision()).sorted().toList();
    List<String> groups = identityService.createGroupQuery().list().stream()
        .map(g -> g.getId() + "|" + g.getName() + "|" + ((GroupEntity) g).getRevision()).sorted().toList();
    List<String> memberships = identityService.createGroupQuery().list().stream()
        .flatMap(g -> identityService.createUserQuery().memberOfGroup(g.getId()).list().stream()
            .map(u -> g.getId() + "|" + u.getId()))
        .sorted().toList();
    return new Snapshot(identityService.createUserQuery().count(), groups, memberships,
        authorizations, filters);
  }

  record Snapshot(long users, List<String> groups, List<String> memberships, List<String> authorizations,
      List<String> filters) {
  }
}
