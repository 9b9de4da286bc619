package de.kkb.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fresh databases on the local PostgreSQL server for the PostgreSQL suite. The server is found
 * through {@code KKB_TEST_PG_HOST} (default {@code 127.0.0.1:5432}) and {@code KKB_DB_USER}
 * (default {@code postgres}); an unreachable server fails the suite, it is never skipped.
 */
public final class PostgresDatabases {

  public static final String HOST = env("KKB_TEST_PG_HOST", "127.0.0.1:5432");
  public static final String USER = env("KKB_DB_USER", "postgres");
  public static final String PASSWORD = env("KKB_DB_PASSWORD", "");
  /** Put before every database name, so that two checkouts can run the suite on one server. */
  public static final String PREFIX = env("KKB_TEST_PG_PREFIX", "");

  private PostgresDatabases() {
  }

  /** Drops and creates the database, and returns its JDBC URL. */
  public static String fresh(String database) {
    String name = PREFIX + database;
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + HOST + " is not reachable for the "
          + "PostgreSQL suite: " + e.getMessage(), e);
    }
    return url(name);
  }

  public static String url(String database) {
    return "jdbc:postgresql://" + HOST + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
