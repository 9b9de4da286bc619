package de.kkb.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every file of the top-level {@code processes/} and {@code forms/} folders (put on the
 * classpath by the build) as one deployment.
 *
 * <p>The starter's own auto-deployment names file resources by their absolute path, so the same
 * models started from another directory or from the jar would count as changed and create new
 * versions. Here resources are named by their path inside the folder ({@code processes/x.bpmn}),
 * and the engine's duplicate filter skips the deployment when nothing changed. Every deployment
 * holds all files, so {@code camunda:formRefBinding="deployment"} always finds its form.
 *
 * <p>The carrier fields of the forms get their options from {@code kkb.programme.carriers}
 * ({@link CarrierFormOptions}); with the default carriers every file is deployed as it is.
 */
@Component
public class ProcessResourceDeployer extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "kkb-processes";
  static final List<String> FOLDERS = List.of("processes", "forms");

  private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDeployer.class);

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final CarrierFormOptions carrierOptions;

  public ProcessResourceDeployer(ProgrammeCalendar programme) {
    this.carrierOptions = new CarrierFormOptions(programme.carrierList());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    List<NamedResource> resources = findResources();
    if (resources.isEmpty()) {
      LOG.warn("No process models or forms found on the classpath; nothing deployed");
      return;
    }
    DeploymentBuilder deployment = processEngine.getRepositoryService()
        .createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("kkb-platform")
        .enableDuplicateFiltering(false);
    for (NamedResource resource : resources) {
      try (InputStream in = resource.resource().getInputStream()) {
        byte[] content = in.readAllBytes();
        if (resource.name().endsWith(".form")) {
          content = carrierOptions.apply(content);
        }
        deployment.addInputStream(resource.name(), new ByteArrayInputStream(content));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource.name(), e);
      }
    }
    var result = deployment.deployWithResult();
    LOG.info("Deployment '{}' ({} resources): id {}, {} new process definitions",
        DEPLOYMENT_NAME, resources.size(), result.getId(),
        result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
  }

  /** The files to deploy, named by folder and relative path, in a stable order. */
  public List<NamedResource> findResources() {
    List<NamedResource> found = new ArrayList<>();
    for (String folder : FOLDERS) {
      try {
        Resource base = resolver.getResource("classpath:" + folder + "/");
        String baseUrl = base.exists() ? base.getURL().toString() : null;
        for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*.*")) {
          if (!resource.isReadable()) {
            continue;
          }
          String url = resource.getURL().toString();
          String relative = baseUrl != null && url.startsWith(baseUrl)
              ? url.substring(baseUrl.length())
              : resource.getFilename();
          found.add(new NamedResource(folder + "/" + relative, resource));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + folder, e);
      }
    }
    found.sort(Comparator.comparing(NamedResource::name));
    return found;
  }

  public record NamedResource(String name, Resource resource) {
  }
}
