package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import de.kkb.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What lies in the top-level processes/ and forms/ folders is what the engine runs. */
@PlatformTest
class ProcessDeploymentTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void everyFileOfBothFoldersIsInTheDeploymentAsItIsOnDisk() throws IOException {
    Deployment deployment = latestDeployment();
    List<Path> files = files(PROCESSES);
    files.addAll(files(FORMS));
    assertThat(files).as("models and forms on disk").isNotEmpty();
    List<String> expectedNames = files.stream()
        .map(f -> f.toString().replace('\\', '/')).sorted().toList();
    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrderElementsOf(expectedNames);
    for (Path file : files) {
      try (InputStream deployed = repositoryService.getResourceAsStream(deployment.getId(),
          file.toString().replace('\\', '/'))) {
        assertThat(deployed.readAllBytes()).as(file.toString()).isEqualTo(Files.readAllBytes(file));
      }
    }
  }

  @Test
  void everyBpmnHasHistoryTimeToLiveVersionTagAndDiagram() throws IOException {
    List<Path> models = bpmnFiles();
    assertThat(models).isNotEmpty();
    for (Path file : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
      model.getModelElementsByType(Process.class).stream()
          .filter(Process::isExecutable)
          .forEach(process -> {
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + " TTL").isNotBlank();
            assertThat(process.getCamundaVersionTag()).as(file + " versionTag").isNotBlank();
            assertThat(process.getName()).as(file + " name").isNotBlank();
          });
      assertThat(model.getDefinitions().getBpmDiagrams()).as(file + " diagram").isNotEmpty();
    }
  }

  @Test
  void everyFormRefResolvesToAFormOfTheSameDeployment() throws IOException {
    Deployment deployment = latestDeployment();
    List<String> checked = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      List<ModelElementInstance> withForms = new ArrayList<>();
      withForms.addAll(model.getModelElementsByType(UserTask.class));
      withForms.addAll(model.getModelElementsByType(StartEvent.class));
      for (ModelElementInstance element : withForms) {
        String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
        if (formRef == null) {
          continue;
        }
        String binding = element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
        assertThat(binding).as(file + " " + element.getAttributeValue("id") + " binding")
            .isEqualTo("deployment");
        CamundaFormDefinitionEntity form = engineConfiguration.getCommandExecutorTxRequired()
            .execute(context -> context.getCamundaFormDefinitionManager()
                .findDefinitionByDeploymentAndKey(deployment.getId(), formRef));
        assertThat(form).as(file + ": formRef " + formRef).isNotNull();
        checked.add(formRef);
      }
    }
    assertThat(checked).as("form references found").isNotEmpty();
  }

  @Test
  void everyProcessDefinitionComesFromThePlatformDeployment() {
    List<ProcessDefinition> definitions =
        repositoryService.createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions).isNotEmpty();
    assertThat(definitions).allSatisfy(definition ->
        assertThat(definition.getDeploymentId()).isEqualTo(latestDeployment().getId()));
  }

  private Deployment latestDeployment() {
    return repositoryService.createDeploymentQuery()
        .deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).get(0);
  }

  static List<Path> bpmnFiles() throws IOException {
    return files(PROCESSES).stream().filter(f -> f.toString().endsWith(".bpmn")).toList();
  }

  static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
    }
  }
}
