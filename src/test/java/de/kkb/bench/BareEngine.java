package de.kkb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The Camunda engine the platform runs, without the platform: same engine version, history level,
 * serialisation, id generator, job executor and connection pool size, but none of the platform's
 * engine plugins, global listeners, notices or authorizations. It runs the platform's own
 * {@code Consultation} and {@code Intervention} models, with the beans those models call (their
 * logic is the model's, not an overhead) taken from the platform; so the same lifecycle on both
 * measures what the platform adds to a model.
 */
final class BareEngine implements AutoCloseable {

  /** The models the consultation lifecycle runs; the forms come along for the driver's values. */
  static final List<String> MODELS = List.of("processes/consultation.bpmn", "processes/intervention.bpmn");

  private static final Pattern EXPRESSION_ROOT = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;

  private BareEngine(HikariDataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource;
    this.engine = engine;
  }

  /** Builds the engine on a database of its own and deploys the models and the forms. */
  static BareEngine start(ConfigurableApplicationContext platform, String jdbcUrl, String user, String password) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl);
    dataSource.setUsername(user);
    dataSource.setPassword(password);
    dataSource.setMaximumPoolSize(platformPoolSize(platform));

    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-" + Integer.toHexString(System.identityHashCode(dataSource)));
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setDefaultNumberOfRetries(3);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    configuration.setBeans(modelBeans(platform));
    configuration.setJobExecutorActivate(true);
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setCorePoolSize(property(platform, "camunda.bpm.job-execution.core-pool-size"));
    jobExecutor.setMaxPoolSize(property(platform, "camunda.bpm.job-execution.max-pool-size"));
    jobExecutor.setQueueSize(property(platform, "camunda.bpm.job-execution.queue-capacity"));
    jobExecutor.setMaxJobsPerAcquisition(property(platform, "camunda.bpm.job-execution.max-jobs-per-acquisition"));
    configuration.setJobExecutor(jobExecutor);
    ProcessEngine engine = configuration.buildProcessEngine();

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare");
    for (String model : MODELS) {
      deployment.addClasspathResource(model);
    }
    for (Resource form : resources("classpath*:forms/*.form")) {
      deployment.addClasspathResource("forms/" + form.getFilename());
    }
    deployment.deploy();
    return new BareEngine(dataSource, engine);
  }

  ProcessEngine engine() {
    return engine;
  }

  javax.sql.DataSource dataSource() {
    return dataSource;
  }

  /**
   * The beans the models' expressions start with ({@code ${consultants.lead(execution)}}), found in
   * the models themselves, so a new bean in a model cannot be forgotten here.
   */
  static Map<Object, Object> modelBeans(ConfigurableApplicationContext platform) {
    TreeSet<String> names = new TreeSet<>();
    for (String model : MODELS) {
      Matcher root = EXPRESSION_ROOT.matcher(text(model));
      while (root.find()) {
        if (platform.containsBean(root.group(1))) {
          names.add(root.group(1));
        }
      }
    }
    Map<Object, Object> beans = new LinkedHashMap<>();
    names.forEach(name -> beans.put(name, platform.getBean(name)));
    return beans;
  }

  private static int platformPoolSize(ConfigurableApplicationContext platform) {
    return platform.getBean(javax.sql.DataSource.class) instanceof HikariDataSource hikari
        ? hikari.getMaximumPoolSize() : 10;
  }

  private static int property(ConfigurableApplicationContext platform, String name) {
    return Integer.parseInt(platform.getEnvironment().getRequiredProperty(name));
  }

  private static String text(String resource) {
    try {
      return new PathMatchingResourcePatternResolver().getResource("classpath:" + resource)
          .getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Resource[] resources(String pattern) {
    try {
      return new PathMatchingResourcePatternResolver().getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
