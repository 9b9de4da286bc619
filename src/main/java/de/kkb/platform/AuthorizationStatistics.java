package de.kkb.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import de.kkb.cluster.StartupLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Teaches PostgreSQL how often the engine's permission bits are set. Every authorization-checked
 * task query (Tasklist's filters) filters {@code ACT_RU_AUTHORIZATION} by {@code PERMS_ & n = n};
 * without statistics on those expressions the planner guesses 0.5 % of the rows, where nearly all
 * match (one task authorization per task and candidate group), and joins every task against every
 * authorization: 3.7 s for a consultant's "Überfällig" at 11,000 consultations instead of 60 ms
 * (docs/benchmarks.md, scenario 6). Expression statistics need PostgreSQL 14; on older servers and
 * on H2 nothing is done.
 */
@Component
public class AuthorizationStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  /** The permissions the task queries test: READ (2) on tasks, READ_TASK (64) on definitions. */
  static final int[] PERMISSION_BITS = {2, 64};

  private final DataSource dataSource;

  public AuthorizationStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** After start-up (the engine has created its tables by then), inside the start-up lock. */
  @Order(StartupLock.STARTUP_WORK)
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
    }
  }
}
