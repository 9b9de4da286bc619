package de.kkb.audit;

/** A filter of the audit that cannot be read (a malformed date, a page out of range): German reason. */
class AuditQueryRefused extends RuntimeException {

  AuditQueryRefused(String reason) {
    super(reason);
  }
}
