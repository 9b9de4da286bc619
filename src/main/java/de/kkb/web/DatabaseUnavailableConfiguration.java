package de.kkb.web;

import de.kkb.platform.DatabaseConnections;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.thymeleaf.ITemplateEngine;

@Configuration
class DatabaseUnavailableConfiguration {

  /** Outermost: around the session, the login and every guard, which may all read the database. */
  @Bean
  FilterRegistrationBean<DatabaseUnavailable> databaseUnavailable(DatabaseConnections connections,
      ITemplateEngine templates) {
    var registration = new FilterRegistrationBean<>(new DatabaseUnavailable(connections, templates));
    registration.setName("kkbDatabaseUnavailable");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
