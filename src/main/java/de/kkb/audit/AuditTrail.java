package de.kkb.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import de.kkb.platform.EngineClock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the audit for admins: the platform's sensitive actions ({@code kkb_audit}, written by
 * {@link AuditLog}) and the engine's user operation log (every task completed, claimed, assigned,
 * every instance started, every variable set through the engine's API, also by the platform itself
 * without a logged-in user), merged newest first. Each source is read only as far as the page
 * needs.
 */
@Component
public class AuditTrail {

  private final JdbcTemplate jdbc;
  private final HistoryService history;

  public AuditTrail(JdbcTemplate jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /** One page of entries, newest first, and how many there are in all. */
  public record Page(List<AuditEntry> entries, int offset, int limit, long total) {
  }

  public Page read(AuditQuery query) {
    int needed = query.offset() + query.limit();
    Instant from = query.from() == null ? null : query.from().atStartOfDay(EngineClock.BERLIN).toInstant();
    Instant until = query.to() == null ? null : query.to().plusDays(1).atStartOfDay(EngineClock.BERLIN).toInstant();
    List<AuditEntry> merged = new ArrayList<>();
    long total = 0;
    if (!query.engineOnly()) {
      merged.addAll(platformEntries(query.action(), from, until, needed));
      total += platformCount(query.action(), from, until);
    }
    if (!query.platformOnly()) {
      UserOperationLogQuery engine = engineQuery(query.action(), from, until);
      total += engine.count();
      engine.orderByTimestamp().desc().listPage(0, needed).forEach(entry -> merged.add(engineEntry(entry)));
    }
    merged.sort(Comparator.comparing(AuditEntry::time).reversed());
    List<AuditEntry> page = merged.stream().skip(query.offset()).limit(query.limit()).toList();
    return new Page(page, query.offset(), query.limit(), total);
  }

  private List<AuditEntry> platformEntries(String action, Instant from, Instant until, int max) {
    List<Object> arguments = new ArrayList<>();
    String where = platformWhere(action, from, until, arguments);
    arguments.add(max);
    return jdbc.query("SELECT occurred_at, action, user_id, subject, detail FROM kkb_audit" + where
        + " ORDER BY occurred_at DESC, id LIMIT ?", (rs, row) -> {
          AuditAction recorded = AuditAction.byName(rs.getString(2));
          return new AuditEntry(berlin(rs.getTimestamp(1).toInstant()), AuditEntry.PLATFORM, rs.getString(2),
              recorded == null ? rs.getString(2) : recorded.label(), rs.getString(3), rs.getString(4), null, null,
              rs.getString(5));
        }, arguments.toArray());
  }

  private long platformCount(String action, Instant from, Instant until) {
    List<Object> arguments = new ArrayList<>();
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_audit" + platformWhere(action, from, until, arguments),
        Long.class, arguments.toArray());
    return count == null ? 0 : count;
  }

  private static String platformWhere(String action, Instant from, Instant until, List<Object> arguments) {
    List<String> conditions = new ArrayList<>();
    if (action != null) {
      conditions.add("action = ?");
      arguments.add(action);
    }
    if (from != null) {
      conditions.add("occurred_at >= ?");
      arguments.add(Timestamp.from(from));
    }
    if (until != null) {
      conditions.add("occurred_at < ?");
      arguments.add(Timestamp.from(until));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private UserOperationLogQuery engineQuery(String action, Instant from, Instant until) {
    UserOperationLogQuery query = history.createUserOperationLogQuery();
    if (action != null) {
      query.operationType(action);
    }
    if (from != null) {
      query.afterTimestamp(Date.from(from.minusMillis(1)));
    }
    if (until != null) {
      query.beforeTimestamp(Date.from(until));
    }
    return query;
  }

  /**
   * An engine entry names the property that changed, not its values: a variable's value may be
   * personal data, and the audit only says that it was set.
   */
  private static AuditEntry engineEntry(UserOperationLogEntry entry) {
    return new AuditEntry(berlin(entry.getTimestamp().toInstant()), AuditEntry.ENGINE, entry.getOperationType(),
        EngineOperationLabels.label(entry.getEntityType(), entry.getOperationType()),
        entry.getUserId() == null ? AuditEntry.SYSTEM : entry.getUserId(),
        EngineOperationLabels.entity(entry.getEntityType()),
        entry.getProcessInstanceId(), entry.getTaskId(), entry.getProperty());
  }

  private static java.time.OffsetDateTime berlin(Instant instant) {
    return ZonedDateTime.ofInstant(instant, EngineClock.BERLIN).toOffsetDateTime();
  }
}
