package de.kkb.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Creates the platform's groups, or brings their names and types up to date. */
@Component
class GroupSetup {

  private final IdentityService identityService;

  GroupSetup(IdentityService identityService) {
    this.identityService = identityService;
  }

  void run() {
    for (KkbGroups.GroupSpec spec : KkbGroups.ALL) {
      Group group = identityService.createGroupQuery().groupId(spec.id()).singleResult();
      if (group == null) {
        group = identityService.newGroup(spec.id());
      } else if (spec.name().equals(group.getName()) && spec.type().equals(group.getType())) {
        continue;
      }
      group.setName(spec.name());
      group.setType(spec.type());
      identityService.saveGroup(group);
    }
  }
}
