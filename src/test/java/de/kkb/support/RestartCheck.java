package de.kkb.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.kkb.vocabulary.ProgrammeRoundProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the platform three times on one database and compares what the repository holds and how
 * many programme rounds were started.
 */
public final class RestartCheck {

  private RestartCheck() {
  }

  public static void assertRestartsCreateNoNewVersions(List<String> profiles, String... properties) {
    DeployedState first = startAndRead(profiles, properties);
    assertThat(first.definitions()).as("definitions after the first start").isNotEmpty();
    assertThat(first.definitions()).allSatisfy(d -> assertThat(d).endsWith(":1"));
    assertThat(first.deployments()).isEqualTo(1);
    assertThat(first.programmeRounds()).as("the round is started once").isEqualTo(1);
    DeployedState second = startAndRead(profiles, properties);
    DeployedState third = startAndRead(profiles, properties);
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  private static DeployedState startAndRead(List<String> profiles, String... properties) {
    try (ConfigurableApplicationContext context = PlatformStarter.start(profiles, properties)) {
      RepositoryService repository = context.getBean(RepositoryService.class);
      List<String> definitions = repository.createProcessDefinitionQuery().list().stream()
          .map(d -> d.getKey() + ":" + d.getVersion()).sorted().toList();
      long rounds = context.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
          .processDefinitionKey(ProgrammeRoundProcess.KEY).count();
      return new DeployedState(definitions, repository.createDeploymentQuery().count(), rounds);
    }
  }

  record DeployedState(List<String> definitions, long deployments, long programmeRounds) {
  }
}
