package de.kkb.audit;

import java.time.LocalDate;

/**
 * What admins ask of the audit: optionally one action (an {@link AuditAction} name or an engine
 * operation type), a span of days (Berlin, both inclusive), a page.
 */
public record AuditQuery(String action, LocalDate from, LocalDate to, int offset, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;

  /** Only the platform's own entries are asked for. */
  boolean platformOnly() {
    return action != null && AuditAction.byName(action) != null;
  }

  /** Only the engine's entries are asked for. */
  boolean engineOnly() {
    return action != null && AuditAction.byName(action) == null;
  }
}
