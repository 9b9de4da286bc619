package de.kkb.cluster;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What lets several nodes share one database: the start-up lock and the sessions in the database
 * (docs/operations.md, "Several nodes").
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

  /** Without Boot's data source (engine tests of the models) there is nothing to lock. */
  @Bean(name = StartupLock.BEAN_NAME, initMethod = "acquire")
  StartupLock kkbStartupLock(ObjectProvider<DataSourceProperties> dataSource) {
    return new StartupLock(dataSource.getIfAvailable());
  }

  @Bean
  SessionAttributeUpsert kkbSessionAttributeUpsert(ObjectProvider<DataSourceProperties> dataSource) {
    return new SessionAttributeUpsert(dataSource.getIfAvailable());
  }

  @Bean
  static BeanFactoryPostProcessor kkbStartupLockOrdering() {
    return new StartupLockOrdering();
  }
}
