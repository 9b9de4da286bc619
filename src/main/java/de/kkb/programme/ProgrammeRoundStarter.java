package de.kkb.programme;

import de.kkb.vocabulary.ProgrammeRoundProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Starts the configured round's {@code ProgrammeRound} at start-up unless that round already has
 * an instance (running or completed), so restarts never start a second one.
 */
@Component
public class ProgrammeRoundStarter implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ProgrammeRoundStarter.class);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ProgrammeCalendar programme;

  public ProgrammeRoundStarter(RuntimeService runtimeService, HistoryService historyService,
      ProgrammeCalendar programme) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.programme = programme;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String key = programme.roundKey();
    long existing = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ProgrammeRoundProcess.KEY)
        .processInstanceBusinessKey(key).count();
    if (existing == 0) {
      runtimeService.startProcessInstanceByKey(ProgrammeRoundProcess.KEY, key);
      LOG.info("Programme round {} started ({} to {}, {} places)", key, programme.start(),
          programme.lastDay(), programme.capacity());
    }
  }
}
