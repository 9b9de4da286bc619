package de.kkb.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Creates the operator's admin account from the environment ({@link AdminAccountCheck} has made
 * sure it is there and strong where it is required).
 */
@Component
class AdminAccountSetup {

  private final IdentityService identityService;
  private final IdentityProperties properties;

  AdminAccountSetup(IdentityService identityService, IdentityProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  void run() {
    IdentityProperties.Admin admin = properties.admin();
    if (!admin.isConfigured()) {
      return;
    }
    if (identityService.createUserQuery().userId(admin.id()).count() == 0) {
      // Created once; later password changes are made in Admin and survive restarts.
      User user = identityService.newUser(admin.id());
      user.setFirstName(admin.firstName());
      user.setLastName(admin.lastName());
      user.setEmail(isBlank(admin.email()) ? null : admin.email());
      user.setPassword(admin.password());
      identityService.saveUser(user);
    }
    Memberships.ensure(identityService, admin.id(), KkbGroups.ADMINS);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
