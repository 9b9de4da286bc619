package de.kkb.intake;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class IntakeConfiguration {

  /**
   * The strict reader of the intake API, first among Spring MVC's converters; it reads only
   * {@link ConsultationRequestForm}, so every other body is read as before.
   */
  @Bean
  WebMvcConfigurer intakeJson() {
    return new WebMvcConfigurer() {
      @Override
      public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new IntakeJson());
      }
    };
  }

  /** In the database on PostgreSQL, where several nodes may share it; in memory on the embedded H2. */
  @Bean
  RequestBuckets requestBuckets(ObjectProvider<DataSourceProperties> database,
      ObjectProvider<DataSource> dataSource, IntakeProperties properties) {
    DataSourceProperties configured = database.getIfAvailable();
    String url = configured == null ? null : configured.determineUrl();
    return url != null && url.startsWith("jdbc:postgresql:")
        ? new SharedRequestBuckets(dataSource.getObject(), properties)
        : new LocalRequestBuckets(properties);
  }

  @Bean
  FilterRegistrationBean<IntakeGuard> intakeGuard(IntakeProperties properties, RequestBuckets buckets) {
    var registration = new FilterRegistrationBean<>(new IntakeGuard(properties, buckets));
    registration.setName("kkbIntakeGuard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    registration.addUrlPatterns("/api/consultation-requests", "/api/consultation-requests/*",
        "/beratung-anfragen", "/beratung-anfragen/*");
    return registration;
  }
}
