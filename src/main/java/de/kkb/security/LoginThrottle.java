package de.kkb.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import de.kkb.platform.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins per user id, for every login path (HTTP Basic and the webapps' login form).
 * Unknown ids are counted like known ones, so a lock tells nothing about which accounts exist. The
 * counts are rows of {@code kkb_login_failure} (Flyway V8), so that every node of a cluster counts
 * the same failures and sees the same locks. Time is the engine clock, so tests move it instead of
 * waiting.
 */
@Component
public class LoginThrottle {

  /** The length of {@code kkb_login_failure.login_key}. */
  static final int MAX_KEY_LENGTH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final LoginProperties properties;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public LoginThrottle(LoginProperties properties, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** How long the id stays locked, or empty when it may try to log in. */
  public Optional<Duration> lockedFor(String userId) {
    long now = now();
    List<Long> lockedUntil = jdbc.queryForList(
        "SELECT locked_until FROM kkb_login_failure WHERE login_key = ? AND locked_until IS NOT NULL",
        Long.class, key(userId));
    if (lockedUntil.isEmpty()) {
      return Optional.empty();
    }
    long left = lockedUntil.get(0) - now;
    if (left <= 0) {
      // The lock has ended: the next failure starts a new count.
      jdbc.update("DELETE FROM kkb_login_failure WHERE login_key = ? AND locked_until <= ?", key(userId), now);
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(left));
  }

  public void failed(String userId) {
    // Two nodes may insert the first failure of an id at once: the loser counts again on the row.
    for (int attempt = 1; ; attempt++) {
      try {
        Failures updated = transaction.execute(status -> count(userId));
        if (updated != null && updated.lockedUntil() != null) {
          LOG.warn("Login locked for user id '{}' until {} after {} failed attempts",
              updated.userId(), Instant.ofEpochMilli(updated.lockedUntil()), updated.count());
        }
        return;
      } catch (DuplicateKeyException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  private Failures count(String userId) {
    long now = now();
    String key = key(userId);
    List<Failures> before = jdbc.query(
        "SELECT login_key, failures, first_failure, locked_until FROM kkb_login_failure "
            + "WHERE login_key = ? FOR UPDATE",
        (row, i) -> new Failures(row.getString(1), row.getInt(2), row.getLong(3),
            (Long) row.getObject(4, Long.class)),
        key);
    Failures current = before.isEmpty() ? null : before.get(0);
    boolean fresh = current == null || current.lockedUntil() != null
        || current.first() + properties.lockout().toMillis() < now;
    int count = fresh ? 1 : current.count() + 1;
    long first = fresh ? now : current.first();
    Long lockedUntil = count >= properties.maxFailures() ? now + properties.lockout().toMillis() : null;
    if (current == null) {
      jdbc.update("INSERT INTO kkb_login_failure (login_key, failures, first_failure, locked_until) "
          + "VALUES (?, ?, ?, ?)", key, count, first, lockedUntil);
    } else {
      jdbc.update("UPDATE kkb_login_failure SET failures = ?, first_failure = ?, locked_until = ? "
          + "WHERE login_key = ?", count, first, lockedUntil, key);
    }
    return new Failures(key, count, first, lockedUntil);
  }

  public void succeeded(String userId) {
    jdbc.update("DELETE FROM kkb_login_failure WHERE login_key = ?", key(userId));
  }

  /** The ids locked now, for admins. */
  public List<Lock> locks() {
    return jdbc.query("SELECT login_key, failures, locked_until FROM kkb_login_failure "
            + "WHERE locked_until > ? ORDER BY locked_until",
        (row, i) -> new Lock(row.getString(1), row.getInt(2), Instant.ofEpochMilli(row.getLong(3))),
        now());
  }

  /** The id as counted: trimmed, lower case; a very long one shortened by a hash to fit the column. */
  static String key(String userId) {
    String key = userId == null ? "" : userId.trim().toLowerCase(Locale.ROOT);
    if (key.length() <= MAX_KEY_LENGTH) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return key.substring(0, MAX_KEY_LENGTH - 65) + "#" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long now() {
    return EngineClock.now().toEpochMilli();
  }

  private record Failures(String userId, int count, long first, Long lockedUntil) {
  }

  public record Lock(String userId, int failedAttempts, Instant lockedUntil) {
  }
}
