package de.kkb.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.filter.headersec.HttpHeaderSecurityFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The platform's request filters, outermost first: refuse the setup endpoint and expressions,
 * then authenticate engine REST calls against the engine's identity service.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<SetupEndpointGuard> setupEndpointGuard(CamundaBpmProperties camunda) {
    var registration = new FilterRegistrationBean<>(
        new SetupEndpointGuard(camunda.getWebapp().getApplicationPath()));
    registration.setName("kkbSetupEndpointGuard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<ExpressionGuard> expressionGuard(CamundaBpmProperties camunda) {
    var registration = new FilterRegistrationBean<>(
        new ExpressionGuard(camunda.getWebapp().getApplicationPath()));
    registration.setName("kkbExpressionGuard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** HTTP Basic against the engine's users; the call then runs as that user, with authorization checks. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("kkbEngineRestAuthentication");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /**
   * Camunda's header filter (HSTS, CSP, nosniff, …) for the platform's own pages and APIs, with the
   * webapps' settings; the webapps have their own instance.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> platformHeaderSecurity(CamundaBpmProperties camunda) {
    String webappPath = camunda.getWebapp().getApplicationPath();
    Map<String, String> initParams = camunda.getWebapp().getHeaderSecurity().getInitParams();
    HttpHeaderSecurityFilter headers = new HttpHeaderSecurityFilter();
    OncePerRequestFilter outsideWebapps = new OncePerRequestFilter() {
      @Override
      protected void initFilterBean() throws ServletException {
        headers.init(new MapFilterConfig(getFilterConfig().getServletContext(), initParams));
      }

      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return RequestPaths.normalised(request).startsWith(webappPath + "/");
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
          FilterChain chain) throws ServletException, IOException {
        headers.doFilter(request, response, chain);
      }
    };
    var registration = new FilterRegistrationBean<>(outsideWebapps);
    registration.setName("kkbPlatformHeaderSecurity");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
