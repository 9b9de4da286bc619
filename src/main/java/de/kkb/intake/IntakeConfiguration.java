package de.kkb.intake;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class IntakeConfiguration {

  @Bean
  FilterRegistrationBean<IntakeGuard> intakeGuard(IntakeProperties properties) {
    var registration = new FilterRegistrationBean<>(new IntakeGuard(properties));
    registration.setName("kkbIntakeGuard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    registration.addUrlPatterns("/api/consultation-requests", "/api/consultation-requests/*",
        "/beratung-anfragen");
    return registration;
  }
}
