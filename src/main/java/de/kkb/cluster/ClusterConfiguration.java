package de.kkb.cluster;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What lets several nodes share one database: the start-up lock and the
 * sessions in the database (docs/operations.md, "Mehrere Knoten"). */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

  @Bean(name = StartupLock.BEAN_NAME, initMethod = "acquire")
  StartupLock kkbStartupLock(DataSourceProperties dataSource) {
    return new StartupLock(dataSource);
  }

  @Bean
  SessionAttributeUpsert kkbSessionAttributeUpsert(DataSourceProperties dataSource) {
    return new SessionAttributeUpsert(dataSource);
  }

  @Bean
  static BeanFactoryPostProcessor kkbStartupLockOrdering() {
    return new StartupLockOrdering();
  }
}
