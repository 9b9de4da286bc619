package de.kkb.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Short exclusive sections keyed by a name, for work that two requests must not do at once
 * whichever node they reach. On PostgreSQL a session advisory lock on a connection of its own
 * (outside the caller's transactions, so a refusal inside cannot spoil one); on the embedded H2
 * database, which has one node, a lock in memory.
 */
@Component
public class ClusterLocks {

  private static final int STRIPES = 64;

  private final DataSource dataSource;
  private final boolean shared;
  private final ReentrantLock[] local = new ReentrantLock[STRIPES];

  public ClusterLocks(DataSource dataSource, ObjectProvider<DataSourceProperties> properties) {
    this.dataSource = dataSource;
    DataSourceProperties database = properties.getIfAvailable();
    String url = database == null ? null : database.determineUrl();
    this.shared = url != null && url.startsWith("jdbc:postgresql:");
    for (int i = 0; i < STRIPES; i++) {
      local[i] = new ReentrantLock();
    }
  }

  /** Runs the work while no other request of the cluster holds the lock of this name. */
  public <T> T exclusively(String name, Supplier<T> work) {
    return shared ? inDatabase(name, work) : inMemory(name, work);
  }

  private <T> T inMemory(String name, Supplier<T> work) {
    ReentrantLock lock = local[Math.floorMod(name.hashCode(), STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private <T> T inDatabase(String name, Supplier<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        advisory(connection, "SELECT pg_advisory_lock(hashtext(?))", name);
        try {
          return work.get();
        } finally {
          advisory(connection, "SELECT pg_advisory_unlock(hashtext(?))", name);
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Sperre '" + name + "' nicht verfügbar: " + e.getMessage(), e);
    }
  }

  private static void advisory(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, name);
      statement.execute();
    }
  }
}
