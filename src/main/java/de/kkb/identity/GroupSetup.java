package de.kkb.identity;

import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Creates the platform's groups, one per configured carrier among them, or brings their names and
 * types up to date; deletes the retired group {@link KkbGroups#APPLICANTS} (with its memberships)
 * that earlier versions created.
 */
@Component
class GroupSetup {

  private final IdentityService identityService;
  private final ProgrammeCalendar programme;

  GroupSetup(IdentityService identityService, ProgrammeCalendar programme) {
    this.identityService = identityService;
    this.programme = programme;
  }

  void run() {
    if (identityService.createGroupQuery().groupId(KkbGroups.APPLICANTS).count() > 0) {
      identityService.deleteGroup(KkbGroups.APPLICANTS);
    }
    for (KkbGroups.GroupSpec spec : KkbGroups.all(programme.carrierList())) {
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
