package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import de.kkb.support.PlatformStarter;
import de.kkb.support.PostgresDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The planner defaults {@link AuthorizationStatistics} sets hold for the pool's connections after
 * start-up and for every connection opened later, by the platform or by anyone else.
 */
@Tag("postgres")
@Tag("own-jvm")
class PlannerDefaultsPostgresTest {

  @Test
  void pooledAndNewConnectionsPlanWithTheDefaults() throws Exception {
    String url = PostgresDatabases.fresh("kkb_planner");
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test", "postgres"),
        "KKB_DB_URL=" + url)) {
      try (Connection pooled = platform.getBean(DataSource.class).getConnection()) {
        assertDefaults(pooled);
      }
      try (Connection fresh = DriverManager.getConnection(url, PostgresDatabases.USER, PostgresDatabases.PASSWORD)) {
        assertDefaults(fresh);
      }
    }
  }

  private static void assertDefaults(Connection connection) throws Exception {
    try (Statement sql = connection.createStatement()) {
      for (var setting : AuthorizationStatistics.PLANNER.entrySet()) {
        try (ResultSet value = sql.executeQuery("SHOW " + setting.getKey())) {
          value.next();
          assertThat(value.getString(1)).as(setting.getKey()).isEqualTo(setting.getValue());
        }
      }
    }
  }
}
