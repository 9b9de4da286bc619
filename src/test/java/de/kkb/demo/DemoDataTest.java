package de.kkb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import de.kkb.support.PlatformStarter;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Demo data as `./mvnw spring-boot:run` creates it: once, however often the platform starts. */
@Tag("own-jvm")
class DemoDataTest {

  @TempDir
  Path dataDir;

  @Test
  void startingTwiceLeavesTheSameDemoInstances() {
    String[] args = {"spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("kkb") + ";DB_CLOSE_ON_EXIT=FALSE",
        "kkb.demo.data=true", "kkb.programme.shift-to-today=true"};
    List<Long> first = counts(args);
    assertThat(first.get(0)).as("requests").isEqualTo(6);
    assertThat(first.get(1)).as("consultations").isEqualTo(4);
    assertThat(counts(args)).isEqualTo(first);
  }

  List<Long> counts(String... args) {
    try (ConfigurableApplicationContext platform = PlatformStarter.start(List.of(), args)) {
      HistoryService history = platform.getBean(HistoryService.class);
      return List.of(
          history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationRequestProcess.KEY).count(),
          history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY).count(),
          history.createHistoricProcessInstanceQuery().processDefinitionKey(InterventionProcess.KEY).count(),
          history.createHistoricTaskInstanceQuery().count());
    }
  }
}
