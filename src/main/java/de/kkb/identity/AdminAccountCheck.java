package de.kkb.identity;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without demo users (production) unless an admin id and a password that passes
 * the engine's default password policy are configured. Runs before any bean exists, so a
 * misconfigured start fails before it touches the database.
 */
public class AdminAccountCheck implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    IdentityProperties properties = Binder.get(environment)
        .bind("kkb.identity", IdentityProperties.class)
        .orElseGet(() -> new IdentityProperties(false, null));
    check(properties);
  }

  static void check(IdentityProperties properties) {
    IdentityProperties.Admin admin = properties.admin();
    if (properties.demoUsers() && !admin.isConfigured()) {
      return;
    }
    if (isBlank(admin.id()) || isBlank(admin.password())) {
      throw new AdminAccountException(
          "Kein Administrationskonto konfiguriert: KKB_ADMIN_ID und KKB_ADMIN_PASSWORD fehlen. / "
              + "No admin account configured: KKB_ADMIN_ID and KKB_ADMIN_PASSWORD are missing.");
    }
    UserEntity candidate = new UserEntity(admin.id());
    candidate.setFirstName(admin.firstName());
    candidate.setLastName(admin.lastName());
    candidate.setEmail(admin.email());
    List<PasswordPolicyRule> violated = new DefaultPasswordPolicyImpl().getRules().stream()
        .filter(rule -> !rule.execute(admin.password(), candidate))
        .toList();
    if (!violated.isEmpty()) {
      throw new AdminAccountException("Das Passwort in KKB_ADMIN_PASSWORD ist zu schwach: "
          + violated.stream().map(AdminAccountCheck::describe).collect(Collectors.joining(", "))
          + ". / The password in KKB_ADMIN_PASSWORD is too weak.");
    }
  }

  private static String describe(PasswordPolicyRule rule) {
    String count = rule.getParameters() == null || rule.getParameters().isEmpty() ? ""
        : rule.getParameters().values().iterator().next();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "mindestens " + count + " Zeichen";
      case "PASSWORD_POLICY_LOWERCASE" -> "mindestens " + count + " Kleinbuchstabe(n)";
      case "PASSWORD_POLICY_UPPERCASE" -> "mindestens " + count + " Großbuchstabe(n)";
      case "PASSWORD_POLICY_DIGIT" -> "mindestens " + count + " Ziffer(n)";
      case "PASSWORD_POLICY_SPECIAL" -> "mindestens " + count + " Sonderzeichen";
      case "PASSWORD_POLICY_USER_DATA" -> "keine Benutzer-ID, Namen oder E-Mail-Adresse";
      default -> rule.getPlaceholder();
    };
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
