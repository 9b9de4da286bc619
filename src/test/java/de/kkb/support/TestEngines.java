package de.kkb.support;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.kkb.consultation.ConsultationProperties;
import de.kkb.consultation.ConsultationSchedule;
import de.kkb.consultation.ConsultationStart;
import de.kkb.consultation.MeasurePlan;
import de.kkb.consultation.PhaseTracker;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.programme.ProgrammeProperties;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * A standalone in-memory engine for process tests (with coverage recording), with the platform's real beans and the source
 * round's programme period (2023-06-01 to 2025-12-31).
 */
public final class TestEngines {

  public static final ProgrammeProperties SOURCE_ROUND =
      new ProgrammeProperties(LocalDate.of(2023, 6, 1), LocalDate.of(2025, 12, 31), false);

  private TestEngines() {
  }

  public static ProcessEngineConfiguration processTestConfiguration() {
    // The coverage variant registers the listeners that camunda-process-test-coverage reads.
    ProcessCoverageInMemProcessEngineConfiguration config =
        new ProcessCoverageInMemProcessEngineConfiguration();
    config.setProcessEngineName("process-test-" + UUID.randomUUID());
    config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setDefaultSerializationFormat("application/json");
    config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    config.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    config.setBeans(beans());
    return config;
  }

  static Map<Object, Object> beans() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("phases", new PhaseTracker());
    beans.put("measurePlan", new MeasurePlan());
    beans.put("consultationStart", new ConsultationStart());
    beans.put("programme", new ProgrammeCalendar(SOURCE_ROUND, LocalDate.of(2023, 6, 1)));
    beans.put("consultationSchedule",
        new ConsultationSchedule(new ConsultationProperties(Period.ofMonths(6))));
    return beans;
  }
}
