package de.kkb.audit;

import java.sql.Timestamp;
import java.util.UUID;

import de.kkb.platform.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records the platform's sensitive actions in {@code kkb_audit}: who (the logged-in user), what, on
 * which subject, when (engine clock). The entry joins the caller's transaction, so an action that
 * rolls back leaves no entry. The subject and detail must name things (references, ids, counts),
 * never the personal data itself.
 */
@Component
public class AuditLog {

  private final JdbcTemplate jdbc;

  public AuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(AuditAction action, String subject, String detail) {
    jdbc.update("INSERT INTO kkb_audit (id, action, user_id, subject, detail, occurred_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), action.name(), currentUser(),
        subject, detail, Timestamp.from(EngineClock.now()));
  }

  private static String currentUser() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    return caller == null || caller.getName() == null ? "system" : caller.getName();
  }
}
