package de.kkb.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.kkb.platform.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes from the platform's own tables what has expired, called each night by
 * {@code processes/data-retention.bpmn} ({@code ${platformDataCleanup.run()}}), so that one node of
 * the cluster does it, in the job's transaction.
 *
 * <p>What belongs to a request or consultation (register row, place, documents, the notices with its
 * reference as business key) goes with the engine's history of that reference: once every root
 * process instance with that business key, the technical ones aside, has a removal time that has
 * come ({@link RetentionRemovalTimeProvider} wrote it when the root ended). A reference without any
 * such instance (its history already cleaned up, or a registration whose process never started) goes
 * when its newest row is older than {@code requests-without-selection}. Notices without a business
 * key go after {@code staff-notices}; the audit trail and the engine's user operation log after
 * {@code audit}.
 */
@Component
public class PlatformDataCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformDataCleanup.class);

  /** Every reference the platform's tables hold, with the time of its newest row. */
  private static final String REFERENCES = "SELECT ref, MAX(row_time) AS newest FROM ("
      + "SELECT reference AS ref, created_at AS row_time FROM kkb_request "
      + "UNION ALL SELECT reference, taken_at FROM kkb_place "
      + "UNION ALL SELECT reference, uploaded_at FROM kkb_document "
      + "UNION ALL SELECT business_key, created_at FROM kkb_notification WHERE business_key IS NOT NULL"
      + ") refs GROUP BY ref";

  private final JdbcTemplate jdbc;
  private final RetentionPolicy policy;

  public PlatformDataCleanup(JdbcTemplate jdbc, RetentionPolicy policy) {
    this.jdbc = jdbc;
    this.policy = policy;
  }

  public Removed run() {
    Instant now = EngineClock.now();
    RetentionProperties retention = policy.properties();
    List<String> expired = expiredReferences(now);
    int[] rows = new int[4];
    for (String reference : expired) {
      rows[0] += jdbc.update("DELETE FROM kkb_document WHERE reference = ?", reference);
      rows[1] += jdbc.update("DELETE FROM kkb_notification WHERE business_key = ?", reference);
      rows[2] += jdbc.update("DELETE FROM kkb_place WHERE reference = ?", reference);
      rows[3] += jdbc.update("DELETE FROM kkb_request WHERE reference = ?", reference);
    }
    int staffNotices = jdbc.update("DELETE FROM kkb_notification WHERE business_key IS NULL AND created_at < ?",
        Timestamp.from(RetentionPolicy.before(now, retention.staffNotices())));
    Timestamp auditCutoff = Timestamp.from(RetentionPolicy.before(now, retention.audit()));
    int audit = jdbc.update("DELETE FROM kkb_audit WHERE occurred_at < ?", auditCutoff);
    // The engine's log of who did what (Cockpit, Tasklist, Admin). Entries of a process instance
    // also carry its removal time and may go earlier with its history; the engine's API would
    // write a log entry for every entry it deletes.
    int operationLog = jdbc.update("DELETE FROM ACT_HI_OP_LOG WHERE TIMESTAMP_ < ?", auditCutoff);
    Removed removed = new Removed(expired, rows[3], rows[2], rows[0], rows[1], staffNotices, audit, operationLog);
    LOG.info("Aufbewahrung: {} Vorgänge gelöscht ({} Registereinträge, {} Plätze, {} Dokumente, "
            + "{} Benachrichtigungen), {} Hinweise an Mitarbeitende, {} Audit-Einträge, {} Einträge "
            + "des Benutzer-Protokolls der Engine", expired.size(), rows[3], rows[2], rows[0], rows[1],
        staffNotices, audit, operationLog);
    return removed;
  }

  private List<String> expiredReferences(Instant now) {
    Instant orphanCutoff = RetentionPolicy.before(now, policy.properties().requestsWithoutSelection());
    List<String> expired = new ArrayList<>();
    for (Map<String, Object> candidate : jdbc.queryForList(REFERENCES)) {
      String reference = (String) candidate.get("ref");
      // The root instances of this reference that count: the request or consultation, not a report.
      boolean counted = false;
      boolean kept = false;
      for (Map<String, Object> root : jdbc.queryForList("SELECT PROC_DEF_KEY_, REMOVAL_TIME_ "
          + "FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND ID_ = ROOT_PROC_INST_ID_", reference)) {
        if (policy.technical((String) root.get("PROC_DEF_KEY_"))) {
          continue;
        }
        counted = true;
        Instant removal = instant(root.get("REMOVAL_TIME_"));
        kept |= removal == null || removal.isAfter(now);
      }
      boolean stale = instant(candidate.get("newest")).isBefore(orphanCutoff);
      if (!kept && (counted || stale)) {
        expired.add(reference);
      }
    }
    return expired;
  }

  private static Instant instant(Object column) {
    if (column == null) {
      return null;
    }
    if (column instanceof java.time.LocalDateTime local) {
      return Timestamp.valueOf(local).toInstant();
    }
    return ((java.util.Date) column).toInstant();
  }

  /** What one run removed. */
  public record Removed(List<String> references, int requests, int places, int documents,
      int notices, int staffNotices, int auditEntries, int operationLogEntries) {
  }
}
