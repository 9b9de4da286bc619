package de.kkb.retention;

import java.util.List;

import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Retention on the engine clock, on H2: a request that ended without a selection is gone from the
 * history and every platform table six months after its end, and there until then; a consultation
 * stays until the programme's end plus five years. A platform of its own: the clock goes to 2031.
 */
@Tag("own-jvm")
class RetentionTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void requestsWithoutSelectionGoAfterSixMonthsConsultationsFiveYearsAfterTheProgrammeEnd() {
    Jobs.setClock(RetentionScenario.START);
    try (ConfigurableApplicationContext context = PlatformStarter.start(List.of("test"))) {
      new RetentionScenario(context).run();
    }
  }
}
