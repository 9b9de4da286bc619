package de.kkb.platform;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The connection pool after a lost connection. Hikari drops the one connection that failed; when the
 * database restarted or terminated the node's connections, the others in the pool are dead too and
 * would fail the next requests one by one. So the whole pool is renewed: idle connections are closed
 * at once, busy ones when they are given back, and new ones wait for the database
 * ({@code spring.datasource.hikari.connection-timeout}).
 */
@Component
public class DatabaseConnections {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseConnections.class);

  private final DataSource dataSource;

  public DatabaseConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A connection was lost: renew the pool. */
  public void lost(Throwable failure) {
    LOG.warn("Datenbankverbindung verloren, der Verbindungspool wird erneuert: {}", rootMessage(failure));
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        if (hikari.getHikariPoolMXBean() != null) {
          hikari.getHikariPoolMXBean().softEvictConnections();
        }
      }
    } catch (SQLException e) {
      LOG.debug("no Hikari pool to renew", e);
    }
  }

  /**
   * Runs short, repeatable work (its own transaction) and, when it meets a lost connection, renews the
   * pool and runs it again until {@code patience} has passed since the first try: a try waits for a
   * fresh connection ({@code spring.datasource.hikari.connection-timeout}) or fails at once on one the
   * database closed meanwhile, so a count of tries would say little about how long the database may
   * be away.
   */
  public <T> T retryingFor(Duration patience, Supplier<T> work) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (System.nanoTime() >= deadline || !ConnectionFailures.isConnectionFailure(e)) {
          throw e;
        }
        lost(e);
      }
    }
  }

  public void retryingFor(Duration patience, Runnable work) {
    retryingFor(patience, () -> {
      work.run();
      return null;
    });
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
