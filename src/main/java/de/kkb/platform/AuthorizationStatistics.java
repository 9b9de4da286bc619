package de.kkb.platform;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Teaches PostgreSQL how often the engine's permission bits are set. Every authorization-checked
 * task query (Tasklist's filters) filters {@code ACT_RU_AUTHORIZATION} by {@code PERMS_ & n = n};
 * without statistics on those expressions the planner guesses 0.5 % of the rows, where nearly all
 * match (one task authorization per task and candidate group), and joins every task against every
 * authorization: 3.7 s for a consultant's "Überfällig" at 11,000 consultations instead of 60 ms
 * (docs/benchmarks.md, scenario 6). Expression statistics need PostgreSQL 14; on older servers and
 * on H2 nothing is done.
 *
 * <p>It also sets two planner costs as defaults of the platform's database ({@link #PLANNER}), for
 * new connections, and renews the pool's connections once so that they take effect. The engine's
 * tables are small enough to be cached, and with the default page cost (4, for spinning disks) a
 * consultant's filter joined each of her carrier's tasks against each of its 5,500 task grants
 * (10 s at 11,000 consultations) instead of probing the grant index per task (0.1 to 0.3 s); with the
 * default sort memory (4 MB) every first page sorted all matching tasks on disk.
 */
@Component
public class AuthorizationStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  /** The permissions the task queries test: READ (2) on tasks, READ_TASK (64) on definitions. */
  static final int[] PERMISSION_BITS = {2, 64};

  /**
   * Planner settings for a database held in memory: random pages cost about as much as sequential
   * ones (the value PostgreSQL's documentation suggests for that case), and sorts of a filter's
   * matching tasks fit into memory.
   */
  static final Map<String, String> PLANNER = new TreeMap<>(Map.of("random_page_cost", "1.1", "work_mem", "16MB"));

  private final DataSource dataSource;

  public AuthorizationStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** After start-up: the engine has created its tables by then. */
  @EventListener(ApplicationReadyEvent.class)
  public void ensure() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData database = connection.getMetaData();
      if (!"PostgreSQL".equals(database.getDatabaseProductName()) || database.getDatabaseMajorVersion() < 14) {
        return;
      }
      try (Statement sql = connection.createStatement()) {
        Set<String> existing = new HashSet<>();
        try (ResultSet names = sql.executeQuery(
            "SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'kkb_auth_perms_%'")) {
          while (names.next()) {
            existing.add(names.getString(1));
          }
        }
        boolean created = false;
        for (int bit : PERMISSION_BITS) {
          String name = "kkb_auth_perms_" + bit;
          if (!existing.contains(name)) {
            sql.execute("CREATE STATISTICS IF NOT EXISTS " + name + " ON ((perms_ & " + bit
                + ")) FROM act_ru_authorization");
            created = true;
          }
        }
        // Filled once, when created; from then on autovacuum keeps them: no ANALYZE at every start.
        if (created) {
          sql.execute("ANALYZE act_ru_authorization");
        }
      }
    } catch (SQLException e) {
      // A missing statistic makes Tasklist slower, not wrong: the platform starts anyway.
      LOG.warn("Statistiken für ACT_RU_AUTHORIZATION konnten nicht angelegt werden: {}", e.getMessage());
      return;
    }
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      if (setPlannerDefaults(sql)) {
        renewPooledConnections();
      }
    } catch (SQLException e) {
      // Setting a database's defaults needs its owner; without them Tasklist is slower, not wrong.
      LOG.warn("Planer-Einstellungen der Datenbank konnten nicht gesetzt werden: {}", e.getMessage());
    }
  }

  /** Sets the {@link #PLANNER} defaults the database lacks; true if it set any. */
  private static boolean setPlannerDefaults(Statement sql) throws SQLException {
    Set<String> present = new HashSet<>();
    String database;
    try (ResultSet settings = sql.executeQuery("SELECT current_database(), s.setconfig FROM pg_database d "
        + "LEFT JOIN pg_db_role_setting s ON s.setdatabase = d.oid AND s.setrole = 0 "
        + "WHERE d.datname = current_database()")) {
      settings.next();
      database = settings.getString(1);
      Array config = settings.getArray(2);
      if (config != null) {
        present.addAll(List.of((String[]) config.getArray()));
      }
    }
    boolean changed = false;
    for (Map.Entry<String, String> setting : PLANNER.entrySet()) {
      if (!present.contains(setting.getKey() + "=" + setting.getValue())) {
        sql.execute("ALTER DATABASE \"" + database.replace("\"", "\"\"") + "\" SET " + setting.getKey() + " = '"
            + setting.getValue() + "'");
        changed = true;
      }
    }
    return changed;
  }

  /** Connections opened before the defaults were set keep the old ones: the pool replaces them when idle. */
  private void renewPooledConnections() throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
      if (pool != null) {
        pool.softEvictConnections();
      }
    }
  }
}
