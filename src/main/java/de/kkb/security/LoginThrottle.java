package de.kkb.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kkb.platform.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user id, for every login path (HTTP Basic and the webapps' login form).
 * Unknown ids are counted like known ones, so a lock tells nothing about which accounts exist. Time
 * is the engine clock, so tests move it instead of waiting.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final LoginProperties properties;
  private final Cache<String, Failures> failures = Caffeine.newBuilder().maximumSize(100_000).build();

  public LoginThrottle(LoginProperties properties) {
    this.properties = properties;
  }

  /** How long the id stays locked, or empty when it may try to log in. */
  public Optional<Duration> lockedFor(String userId) {
    Failures current = failures.getIfPresent(key(userId));
    if (current == null || current.lockedUntil() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(now(), current.lockedUntil());
    if (left.isNegative() || left.isZero()) {
      failures.invalidate(key(userId));
      return Optional.empty();
    }
    return Optional.of(left);
  }

  public void failed(String userId) {
    Instant now = now();
    Failures updated = failures.asMap().compute(key(userId), (id, before) -> {
      boolean fresh = before == null || before.lockedUntil() != null
          || before.first().plus(properties.lockout()).isBefore(now);
      int count = fresh ? 1 : before.count() + 1;
      Instant first = fresh ? now : before.first();
      Instant lockedUntil = count >= properties.maxFailures() ? now.plus(properties.lockout()) : null;
      return new Failures(id, count, first, lockedUntil);
    });
    if (updated.lockedUntil() != null) {
      LOG.warn("Login locked for user id '{}' until {} after {} failed attempts",
          updated.userId(), updated.lockedUntil(), updated.count());
    }
  }

  public void succeeded(String userId) {
    failures.invalidate(key(userId));
  }

  /** The ids locked now, for admins. */
  public List<Lock> locks() {
    Instant now = now();
    return failures.asMap().values().stream()
        .filter(f -> f.lockedUntil() != null && f.lockedUntil().isAfter(now))
        .sorted(Comparator.comparing(Failures::lockedUntil))
        .map(f -> new Lock(f.userId(), f.count(), f.lockedUntil()))
        .toList();
  }

  private static String key(String userId) {
    return userId == null ? "" : userId.trim().toLowerCase(Locale.ROOT);
  }

  private static Instant now() {
    return EngineClock.now();
  }

  private record Failures(String userId, int count, Instant first, Instant lockedUntil) {
  }

  public record Lock(String userId, int failedAttempts, Instant lockedUntil) {
  }
}
