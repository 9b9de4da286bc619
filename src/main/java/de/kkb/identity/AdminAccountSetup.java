package de.kkb.identity;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.stereotype.Component;

/**
 * The operator's admin account from the environment. Without demo users (production) it is
 * required, and its password must satisfy the engine's password policy.
 */
@Component
class AdminAccountSetup {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final IdentityProperties properties;

  AdminAccountSetup(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration,
      IdentityProperties properties) {
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
    this.properties = properties;
  }

  /** Fails before anything else is written when the account is missing or weak. */
  void validate() {
    IdentityProperties.Admin admin = properties.admin();
    if (properties.demoUsers() && !admin.isConfigured()) {
      return;
    }
    if (isBlank(admin.id()) || isBlank(admin.password())) {
      throw new AdminAccountException(
          "Kein Administrationskonto konfiguriert: KKB_ADMIN_ID und KKB_ADMIN_PASSWORD fehlen. / "
              + "No admin account configured: KKB_ADMIN_ID and KKB_ADMIN_PASSWORD are missing.");
    }
    User candidate = identityService.newUser(admin.id());
    candidate.setFirstName(admin.firstName());
    candidate.setLastName(admin.lastName());
    candidate.setEmail(admin.email());
    PasswordPolicyResult result =
        identityService.checkPasswordAgainstPolicy(policy(), admin.password(), candidate);
    if (!result.isValid()) {
      String rules = result.getViolatedRules().stream()
          .map(rule -> rule.getPlaceholder() + rule.getParameters())
          .collect(Collectors.joining(", "));
      throw new AdminAccountException(
          "Das Passwort in KKB_ADMIN_PASSWORD ist zu schwach. / The password in KKB_ADMIN_PASSWORD "
              + "is too weak. (" + rules + ")");
    }
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

  /** The engine's policy when enabled (production), otherwise the engine's default rules. */
  private PasswordPolicy policy() {
    PasswordPolicy policy = engineConfiguration.getPasswordPolicy();
    return policy != null ? policy : new DefaultPasswordPolicyImpl();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
