package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import de.kkb.support.PlatformStarter;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Restarting on the same database with unchanged models deploys nothing new. */
class RestartTest {

  @TempDir
  Path dataDir;

  @Test
  void twoRestartsOnTheSameH2FileCreateNoNewVersions() {
    String url = "spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("kkb")
        + ";DB_CLOSE_ON_EXIT=FALSE";
    assertRestartsCreateNoNewVersions(List.of(), url);
  }

  /** Starts three times and compares what the repository holds after each start. */
  public static void assertRestartsCreateNoNewVersions(List<String> profiles, String... properties) {
    DeployedState first = startAndRead(profiles, properties);
    assertThat(first.definitions()).as("definitions after the first start").isNotEmpty();
    assertThat(first.definitions()).allSatisfy(d -> assertThat(d).endsWith(":1"));
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
      return new DeployedState(definitions, repository.createDeploymentQuery().count());
    }
  }

  record DeployedState(List<String> definitions, long deployments) {
  }
}
