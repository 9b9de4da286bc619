package de.kkb.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import de.kkb.KkbApplication;
import de.kkb.identity.IdentityBootstrap;
import de.kkb.platform.ProcessResourceDeployer;
import de.kkb.programme.ProgrammeRoundStarter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.SpringBeanFactoryProxyMap;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * A standalone in-memory engine for process tests (with coverage recording), with the platform's
 * own beans: a small Spring context, without web server or Camunda starter, scans {@code de.kkb}
 * like the platform and binds {@code application.yaml} with the {@code test} profile (the source
 * round 2023-06-01 to 2025-12-31 with four places, not shifted), on an H2 database that Flyway
 * migrated. The models' expressions resolve against that context, and its engine plugins (due
 * dates, notices, the sending job) are the engine's: a new component that a model calls needs
 * nothing here. Notifications go through the real log and sending job to the application log (no
 * mail server).
 */
public final class TestEngines {

  private TestEngines() {
  }

  /**
   * The platform's components, without what needs a web server, the Camunda starter or start-up
   * work on the engine: a process test deploys the models it tests ({@code @Deployment}), and
   * brings its own users and instances.
   */
  @Configuration(proxyBeanMethods = false)
  @ComponentScan(basePackageClasses = KkbApplication.class, excludeFilters = {
      @ComponentScan.Filter(Controller.class),
      @ComponentScan.Filter(ControllerAdvice.class),
      @ComponentScan.Filter(type = FilterType.REGEX, pattern = "de\\.kkb\\.(security|web|support)\\..*"),
      @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {
          KkbApplication.class, ProcessResourceDeployer.class, IdentityBootstrap.class,
          ProgrammeRoundStarter.class})})
  @ConfigurationPropertiesScan(basePackageClasses = KkbApplication.class)
  static class PlatformBeans {

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
      return new JdbcTemplate(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }
  }

  public static ProcessEngineConfiguration processTestConfiguration() {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    ConfigurableEnvironment environment = context.getEnvironment();
    RandomValuePropertySource.addToEnvironment(environment);
    ConfigDataEnvironmentPostProcessor.applyTo(environment, context, new DefaultBootstrapContext(), "test");
    // Resolved once (the test profile's URL holds a random part), for the engine and our tables alike.
    String url = environment.getRequiredProperty("spring.datasource.url");
    String user = environment.getProperty("spring.datasource.username", "sa");
    String password = environment.getProperty("spring.datasource.password", "");
    environment.getPropertySources().addFirst(new MapPropertySource("process-test",
        Map.of("spring.datasource.url", url)));

    AtomicReference<ProcessEngine> built = new AtomicReference<>();
    // The coverage variant registers the listeners that camunda-process-test-coverage reads.
    // The context lives as long as the engine: the extension keeps both until the JVM ends.
    ProcessCoverageInMemProcessEngineConfiguration config = new ProcessCoverageInMemProcessEngineConfiguration();
    config.setProcessEngineName("process-test-" + UUID.randomUUID());
    config.setJdbcUrl(url);
    config.setJdbcUsername(user);
    config.setJdbcPassword(password);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setFailedJobRetryTimeCycle("PT5M,PT10M,PT15M,PT30M");
    config.setDefaultSerializationFormat("application/json");
    config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");

    context.registerBean(DataSource.class, () -> migratedDataSource(url, user, password));
    registerEngineServices(context, built);
    context.register(PlatformBeans.class);
    context.refresh();

    // As the Camunda starter does: Spin, and every engine plugin of the platform.
    config.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    config.getProcessEnginePlugins().addAll(context.getBeansOfType(ProcessEnginePlugin.class).values());
    config.getProcessEnginePlugins().add(new EngineServices(built));
    config.setBeans(new ContextBeans(context));
    return config;
  }

  /**
   * The demo consultants the process tests name as team and lead: {@code k3b-anna}, {@code k3b-ben}
   * (K3B), {@code fzfd-clara}, {@code fzfd-david} (forumZFD), with their groups; created once.
   */
  public static void demoConsultants(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    String[][] consultants = {{"k3b-anna", "Anna", "Kramer", "consultants-k3b"},
        {"k3b-ben", "Ben", "Böhm", "consultants-k3b"}, {"fzfd-clara", "Clara", "Fischer", "consultants-forumzfd"},
        {"fzfd-david", "David", "Falk", "consultants-forumzfd"}};
    for (String[] consultant : consultants) {
      if (identity.createGroupQuery().groupId(consultant[3]).count() == 0) {
        identity.saveGroup(identity.newGroup(consultant[3]));
      }
      if (identity.createUserQuery().userId(consultant[0]).count() == 0) {
        User user = identity.newUser(consultant[0]);
        user.setFirstName(consultant[1]);
        user.setLastName(consultant[2]);
        identity.saveUser(user);
        identity.createMembership(consultant[0], consultant[3]);
      }
    }
  }

  /** Hands the built engine to the lazy service beans. */
  static final class EngineServices extends AbstractProcessEnginePlugin {

    private final AtomicReference<ProcessEngine> engine;

    EngineServices(AtomicReference<ProcessEngine> engine) {
      this.engine = engine;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
      engine.set(processEngine);
    }
  }

  /** A bean of the platform's context behind a process test's engine, e.g. its {@link JdbcTemplate}. */
  public static <T> T bean(ProcessEngine engine, Class<T> type) {
    Object beans = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans();
    if (!(beans instanceof ContextBeans contextBeans)) {
      throw new IllegalArgumentException("not an engine of TestEngines: " + engine.getName());
    }
    return contextBeans.context().getBean(type);
  }

  /** The expressions' beans: the context's, by name, as the Camunda starter gives them. */
  static final class ContextBeans extends SpringBeanFactoryProxyMap {

    ContextBeans(AnnotationConfigApplicationContext context) {
      super(context);
    }

    AnnotationConfigApplicationContext context() {
      return (AnnotationConfigApplicationContext) beanFactory;
    }
  }

  /**
   * The engine's services ({@link ProcessEngine} and every service it offers) as beans, resolved
   * from the engine when first called: the context is built before the engine, whose plugins it
   * provides.
   */
  static void registerEngineServices(AnnotationConfigApplicationContext context,
      AtomicReference<ProcessEngine> engine) {
    context.registerBean(ProcessEngine.class, () -> lazy(ProcessEngine.class, engine::get));
    for (Method getter : ProcessEngineServices.class.getMethods()) {
      if (getter.getParameterCount() == 0 && getter.getName().startsWith("get")) {
        registerService(context, getter.getReturnType(), getter, engine);
      }
    }
  }

  private static <T> void registerService(AnnotationConfigApplicationContext context, Class<T> type,
      Method getter, AtomicReference<ProcessEngine> engine) {
    context.registerBean(type, () -> lazy(type, () -> {
      ProcessEngine built = engine.get();
      if (built == null) {
        return null;
      }
      try {
        return getter.invoke(built);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }));
  }

  private static <T> T lazy(Class<T> type, Supplier<Object> target) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "lazy " + type.getSimpleName() + " of a process test engine";
            };
          }
          Object service = target.get();
          if (service == null) {
            throw new IllegalStateException(type.getSimpleName() + " used before the process engine was built");
          }
          try {
            return method.invoke(service, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }

  static DataSource migratedDataSource(String url, String user, String password) {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load()
        .migrate();
    return dataSource;
  }
}
