package de.kkb.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.kkb.support.RestartCheck;
import de.kkb.support.PlatformStarter;
import de.kkb.support.PostgresDatabases;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up behaviour on PostgreSQL: restarts and the production combination "postgres,prod". */
@Tag("postgres")
@Tag("own-jvm")
class PostgresStartupTest {

  @Test
  void twoRestartsOnTheSamePostgresDatabaseCreateNoNewVersions() {
    String url = PostgresDatabases.fresh("kkb_restart");
    RestartCheck.assertRestartsCreateNoNewVersions(List.of("postgres"), "KKB_DB_URL=" + url);
  }

  @Test
  void productionCombinationStartsOnAnEmptyDatabaseWithoutDemoUsers() {
    String url = PostgresDatabases.fresh("kkb_prod");
    try (ConfigurableApplicationContext context = PlatformStarter.start(
        List.of("postgres", "prod"), "KKB_DB_URL=" + url, "KKB_ADMIN_ID=betrieb",
        "KKB_ADMIN_PASSWORD=Konflikt-Beratung!2025")) {
      assertThat(context.getBean(ProcessEngineConfiguration.class).getDatabaseType())
          .isEqualTo("postgres");
      assertThat(context.getBean(IdentityService.class).createUserQuery().list())
          .extracting(u -> u.getId()).containsExactly("betrieb");
    }
  }
}
