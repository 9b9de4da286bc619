package de.kkb.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets one node at a time start on a shared PostgreSQL database. Every start-up step that writes
 * (Flyway, the engine's schema and its bootstrap, the deployment of the models, groups, grants,
 * filters, the programme round, statistics) runs while this node holds a session advisory lock on a
 * connection of its own; a node that starts at the same moment waits in {@link #acquire()} and then
 * finds everything done. The lock is taken before Flyway and the engine are created
 * ({@link StartupLockOrdering}) and let go after the last {@code ApplicationReadyEvent} listener
 * ({@link #STARTUP_WORK} orders those before). A node that dies while holding it loses its database
 * session, and with it the lock. The embedded H2 database has one node only and needs no lock.
 */
public class StartupLock implements ApplicationListener<ApplicationReadyEvent>, Ordered, DisposableBean {

  public static final String BEAN_NAME = "kkbStartupLock";
  /** The order of start-up work on {@code ApplicationReadyEvent}: before the lock is let go. */
  public static final int STARTUP_WORK = 0;
  /** The advisory lock's key: "KKB" and a 1, any number other applications on the server do not use. */
  static final long KEY = 0x4B4B4201L;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSourceProperties dataSource;
  private Connection connection;

  public StartupLock(DataSourceProperties dataSource) {
    this.dataSource = dataSource;
  }

  /** Waits until no other node starts up, then holds the lock. Called once, at bean creation. */
  public synchronized void acquire() {
    String url = dataSource == null ? null : dataSource.determineUrl();
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      return;
    }
    try {
      connection = DriverManager.getConnection(url, dataSource.determineUsername(),
          dataSource.determinePassword());
      long started = System.nanoTime();
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
        lock.setLong(1, KEY);
        lock.execute();
      }
      LOG.info("Start-up lock held after {} ms of waiting; migrations and start-up steps follow",
          (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException e) {
      close();
      throw new IllegalStateException("Start-up lock on " + url + " not available: " + e.getMessage(), e);
    }
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    release();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void destroy() {
    release();
  }

  synchronized boolean held() {
    return connection != null;
  }

  private synchronized void release() {
    if (connection == null) {
      return;
    }
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      LOG.warn("Start-up lock: {} (closing its connection ends it anyway)", e.getMessage());
    } finally {
      close();
    }
  }

  private void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing the start-up lock's connection: {}", e.getMessage());
      }
      connection = null;
    }
  }
}
