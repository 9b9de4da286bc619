package de.kkb.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.kkb.support.HttpSession;
import de.kkb.support.PlatformStarter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** With the job executor running, as in production: database, engine and job executor are UP. */
@Tag("own-jvm")
class HealthTest {

  @Test
  void databaseEngineAndJobExecutorAreUp() {
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of("test"),
        "camunda.bpm.job-execution.enabled=true")) {
      CompositeHealth health = (CompositeHealth) platform.getBean(HealthEndpoint.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getComponents()).containsKeys("db", "processEngine", "jobExecutor");
      assertThat(health.getComponents().get("jobExecutor").getStatus()).isEqualTo(Status.UP);
      assertThat(new HttpSession(PlatformStarter.port(platform)).get("/actuator/health").body())
          .isEqualTo("{\"status\":\"UP\"}");
    }
  }
}
