package de.kkb.retention;

import java.util.List;

import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.support.PostgresDatabases;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** {@link RetentionTest}'s scenario on PostgreSQL: the engine's cleanup and our SQL on the real server. */
@Tag("postgres")
@Tag("own-jvm")
class RetentionPostgresTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void requestsWithoutSelectionGoAfterSixMonthsConsultationsFiveYearsAfterTheProgrammeEnd() {
    String url = PostgresDatabases.fresh("kkb_retention");
    Jobs.setClock(RetentionScenario.START);
    try (ConfigurableApplicationContext context = PlatformStarter.start(List.of("postgres"), "KKB_DB_URL=" + url)) {
      new RetentionScenario(context).run();
    }
  }
}
