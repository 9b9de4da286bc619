package de.kkb.retention;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's part of {@code kkb.retention}: history cleanup by removal time, the removal time
 * set when a root process instance ends ({@link RetentionRemovalTimeProvider}), the cleanup job in
 * the nightly window (the engine schedules it once for the cluster), and the time to live of every
 * known definition ({@link HistoryTimeToLiveParseListener}; definitions deployed before a change of
 * the configuration are brought in line at start-up).
 */
@Component
public class RetentionEnginePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionEnginePlugin.class);
  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  private final RetentionPolicy policy;

  public RetentionEnginePlugin(RetentionPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    RetentionProperties retention = policy.properties();
    configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
    configuration.setHistoryRemovalTimeProvider(new RetentionRemovalTimeProvider(policy));
    configuration.setHistoryCleanupEnabled(true);
    // The engine reads the window in the JVM's zone, which the platform sets to Europe/Berlin.
    configuration.setHistoryCleanupBatchWindowStartTime(retention.cleanupWindowStart().format(HOURS_MINUTES));
    configuration.setHistoryCleanupBatchWindowEndTime(retention.cleanupWindowEnd().format(HOURS_MINUTES));
    // Batches (e.g. from Cockpit) and the cleanup job's own log hold no personal data.
    String technicalDays = "P" + policy.technicalDays() + "D";
    configuration.setBatchOperationHistoryTimeToLive(technicalDays);
    configuration.setHistoryCleanupJobLogTimeToLive(technicalDays);
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new HistoryTimeToLiveParseListener(policy));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var repository = engine.getRepositoryService();
    int updated = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      Integer days = policy.historyTimeToLiveDays(definition.getKey()).orElse(null);
      if (days != null && !Objects.equals(days, definition.getHistoryTimeToLive())) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        updated++;
      }
    }
    if (updated > 0) {
      LOG.info("History time to live of {} process definitions set from kkb.retention", updated);
    }
  }
}
