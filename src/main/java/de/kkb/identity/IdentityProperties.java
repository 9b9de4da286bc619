package de.kkb.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kkb.identity.*}: whether demo users are created, and the operator's admin account
 * (production takes it from {@code KKB_ADMIN_ID} and {@code KKB_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("kkb.identity")
public record IdentityProperties(boolean demoUsers, Admin admin) {

  public IdentityProperties {
    admin = admin == null ? new Admin(null, null, null, null, null) : admin;
  }

  public record Admin(String id, String password, String firstName, String lastName, String email) {

    public boolean isConfigured() {
      return (id != null && !id.isBlank()) || (password != null && !password.isBlank());
    }
  }
}
