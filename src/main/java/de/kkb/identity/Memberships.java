package de.kkb.identity;

import org.camunda.bpm.engine.IdentityService;

final class Memberships {

  private Memberships() {
  }

  static void ensure(IdentityService identityService, String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
