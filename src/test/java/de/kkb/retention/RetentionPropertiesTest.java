package de.kkb.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code kkb.retention.*}: the defaults, and a bad value stops the start with a message naming it. */
class RetentionPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RetentionProperties.class)
  static class Retention {
  }

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
      .withUserConfiguration(Retention.class);

  @Test
  void defaultsAreTheDecidedPeriods() {
    runner.run(context -> {
      RetentionProperties retention = context.getBean(RetentionProperties.class);
      assertThat(retention.requestsWithoutSelection()).isEqualTo(Period.ofMonths(6));
      assertThat(retention.consultationYearsAfterProgrammeEnd()).isEqualTo(5);
      assertThat(retention.staffNotices()).isEqualTo(Period.ofYears(1));
      assertThat(retention.audit()).isEqualTo(Period.ofYears(2));
      assertThat(retention.technicalProcesses()).isEqualTo(Period.ofDays(30));
      assertThat(retention.cleanupWindowStart()).isEqualTo(LocalTime.of(1, 0));
      assertThat(retention.cleanupWindowEnd()).isEqualTo(LocalTime.of(5, 0));
      assertThat(retention.nightlyCron()).isEqualTo("0 0 1 * * ?");
    });
  }

  @Test
  void theWindowMayPassMidnight() {
    runner.withPropertyValues("kkb.retention.cleanup-window-start=23:30", "kkb.retention.cleanup-window-end=02:00")
        .run(context -> {
          RetentionProperties retention = context.getBean(RetentionProperties.class);
          assertThat(retention.inWindow(LocalTime.of(23, 45))).isTrue();
          assertThat(retention.inWindow(LocalTime.of(1, 59))).isTrue();
          assertThat(retention.inWindow(LocalTime.of(2, 0))).isFalse();
          assertThat(retention.inWindow(LocalTime.of(12, 0))).isFalse();
          assertThat(retention.nightlyCron()).isEqualTo("0 30 23 * * ?");
        });
  }

  @Test
  void aBadValueStopsTheStartNamingTheProperty() {
    assertRefused("kkb.retention.requests-without-selection=P0D", "requests-without-selection", "größer als null");
    assertRefused("kkb.retention.audit=-P1Y", "kkb.retention.audit", "größer als null");
    assertRefused("kkb.retention.staff-notices=ein Jahr", "kkb.retention.staff-notices", "ein Jahr");
    assertRefused("kkb.retention.consultation-years-after-programme-end=-1", "consultation-years-after-programme-end",
        "ab 0");
    assertRefused("kkb.retention.cleanup-window-end=01:00", "Löschfenster", "leer");
    assertRefused("kkb.retention.cleanup-window-start=25:00", "kkb.retention.cleanup-window-start", "25:00");
  }

  private void assertRefused(String property, String... mentions) {
    runner.withPropertyValues(property).run(context -> {
      assertThat(context).hasFailed();
      StringBuilder messages = new StringBuilder();
      for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
        messages.append(cause.getMessage()).append('\n');
      }
      assertThat(messages.toString()).as(property).contains(mentions);
    });
  }
}
