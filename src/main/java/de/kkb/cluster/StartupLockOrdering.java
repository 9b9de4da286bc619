package de.kkb.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;

/**
 * Makes Flyway and the process engine depend on the {@link StartupLock}: whichever of them Spring
 * creates first, the lock is taken before, so no node migrates or creates tables while another does.
 */
class StartupLockOrdering implements BeanFactoryPostProcessor {

  static final List<Class<?>> GUARDED = List.of(Flyway.class, FlywayMigrationInitializer.class,
      ProcessEngineConfigurationImpl.class, ProcessEngine.class);

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    for (Class<?> type : GUARDED) {
      for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
        dependOnLock(beanFactory.getBeanDefinition(BeanFactoryUtils.transformedBeanName(name)));
      }
    }
  }

  private static void dependOnLock(BeanDefinition definition) {
    List<String> dependsOn = new ArrayList<>();
    if (definition.getDependsOn() != null) {
      dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
    }
    if (!dependsOn.contains(StartupLock.BEAN_NAME)) {
      dependsOn.add(StartupLock.BEAN_NAME);
      definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
  }
}
