package de.kkb.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.util.ArrayList;
import java.util.List;

import de.kkb.identity.KkbGroups;
import de.kkb.intake.ApplicantDocuments;
import de.kkb.programme.ProgrammeCalendar;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The platform's one security layer. Three chains, one per kind of caller:
 * <ul>
 *   <li>{@code /engine-rest/**}: HTTP Basic against the engine's users; consultants only the
 *       endpoints Tasklist needs ({@link ConsultantEngineApi}), applicants nothing;</li>
 *   <li>{@code /camunda/**}: the webapps keep their own session login; their APIs are guarded by
 *       group (Cockpit for programme management, Admin for admins, the engine API as above);</li>
 *   <li>everything else, the platform's own pages and APIs: public where people apply, programme
 *       management's pages with HTTP Basic or the webapps' login, and a login for anything new.</li>
 * </ul>
 * The one {@link EngineUserAuthenticationProvider} is the global authentication manager's, so each
 * password is checked once. In front of all of them run the setup-endpoint, expression and
 * business-key guards, which refuse for everyone.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

  private static final String[] PROGRAMME_STAFF = {KkbGroups.PROGRAMME_MANAGEMENT, KkbGroups.ADMINS};

  /** The guards that refuse for everyone, outermost first, before any login is looked at. */
  @Bean
  FilterRegistrationBean<SetupEndpointGuard> setupEndpointGuard(CamundaBpmProperties camunda) {
    return guard("kkbSetupEndpointGuard", new SetupEndpointGuard(webappPath(camunda)), 0);
  }

  @Bean
  FilterRegistrationBean<ExpressionGuard> expressionGuard(CamundaBpmProperties camunda) {
    return guard("kkbExpressionGuard", new ExpressionGuard(webappPath(camunda)), 1);
  }

  @Bean
  FilterRegistrationBean<BusinessKeyGuard> businessKeyGuard(CamundaBpmProperties camunda) {
    return guard("kkbBusinessKeyGuard", new BusinessKeyGuard(webappPath(camunda)), 2);
  }

  private static <F extends Filter> FilterRegistrationBean<F> guard(String name, F filter, int position) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
    registration.addUrlPatterns("/*");
    return registration;
  }

  private static String webappPath(CamundaBpmProperties camunda) {
    return camunda.getWebapp().getApplicationPath();
  }

  /**
   * Camunda's own filter makes the caller the engine's current user for the call, so that the
   * engine's authorization checks apply. It runs after Spring Security and takes the user Spring
   * Security authenticated; the engine then looks up the user's groups.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("kkbEngineRestAuthentication");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  @Bean
  WebSecurityCustomizer oddUrlsAreAnsweredInGerman() {
    return web -> web.requestRejectedHandler(new SecurityResponses());
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestApi(HttpSecurity http, PlatformRoles roles, ProcessEngine engine,
      CamundaBpmProperties camunda) throws Exception {
    String webappPath = webappPath(camunda);
    SecurityResponses responses = new SecurityResponses();
    stateless(http.securityMatcher(withDefaults().matcher("/engine-rest/**")))
        .httpBasic(basic -> basic.authenticationEntryPoint(responses))
        .exceptionHandling(e -> e.authenticationEntryPoint(responses).accessDeniedHandler(responses))
        .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
        .authorizeHttpRequests(requests -> requests
            .anyRequest().access(new EngineApiAccess(roles, webappPath, false)))
        .addFilterAfter(new UniformEngineErrors(roles, webappPath, engine), AuthorizationFilter.class)
        .addFilterAfter(new FormRefusalMessages(webappPath), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http, PlatformRoles roles, ProcessEngine engine,
      LoginThrottle throttle, ProgrammeCalendar programme, CamundaBpmProperties camunda) throws Exception {
    String app = webappPath(camunda);
    SecurityResponses responses = SecurityResponses.withoutBasicChallenge();
    List<String> tasklistUsers = new ArrayList<>(List.of(PROGRAMME_STAFF));
    tasklistUsers.addAll(programme.carriers().values());
    stateless(http.securityMatcher(withDefaults().matcher(app + "/**")))
        // The webapps send their own CSRF token and set their own security headers.
        .headers(headers -> headers.defaultsDisabled()
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
        .exceptionHandling(e -> e.authenticationEntryPoint(responses).accessDeniedHandler(responses))
        .addFilterBefore(new WebappLoginThrottle(throttle, app), AnonymousAuthenticationFilter.class)
        .addFilterBefore(new WebappSessionAuthentication(engine), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(withDefaults().matcher(app + "/api/*/plugin/*/static/**")).permitAll()
            .requestMatchers(withDefaults().matcher(app + "/api/admin/auth/**")).permitAll()
            .requestMatchers(withDefaults().matcher(app + "/api/engine/**"))
            .access(new EngineApiAccess(roles, app, true))
            .requestMatchers(withDefaults().matcher(app + "/api/cockpit/**")).hasAnyAuthority(PROGRAMME_STAFF)
            .requestMatchers(withDefaults().matcher(app + "/api/admin/**")).hasAuthority(KkbGroups.ADMINS)
            .requestMatchers(withDefaults().matcher(app + "/api/tasklist/**"))
            .hasAnyAuthority(tasklistUsers.toArray(String[]::new))
            .requestMatchers(withDefaults().matcher(app + "/api/**")).authenticated()
            .anyRequest().permitAll())
        .addFilterAfter(new UniformEngineErrors(roles, app, engine), AuthorizationFilter.class)
        .addFilterAfter(new FormRefusalMessages(app), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain platform(HttpSecurity http, ProcessEngine engine, CamundaBpmProperties camunda,
      PlatformRoles roles, ApplicantDocuments documents) throws Exception {
    DocumentAccess documentAccess = new DocumentAccess(roles, documents, engine.getHistoryService());
    SecurityResponses responses = new SecurityResponses();
    boolean hsts = !camunda.getWebapp().getHeaderSecurity().isHstsDisabled();
    stateless(http)
        // The pages that write with the webapps' login (a person's notification settings, programme
        // management's data-protection page) take a CSRF token from their forms; everything else of
        // this chain reads, is public, or (the erasure API) takes JSON only.
        .csrf(csrf -> csrf.csrfTokenRepository(pageCsrfTokens())
            .requireCsrfProtectionMatcher(new OrRequestMatcher(withDefaults().matcher(HttpMethod.POST, "/mein-konto/**"),
                withDefaults().matcher(HttpMethod.POST, "/programmsteuerung/**"))))
        .httpBasic(basic -> basic.authenticationEntryPoint(responses))
        .exceptionHandling(e -> e.authenticationEntryPoint(responses).accessDeniedHandler(responses))
        .addFilterBefore(new WebappSessionAuthentication(engine), BasicAuthenticationFilter.class)
        .headers(headers -> {
          headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
              .frameOptions(frame -> frame.deny())
              .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                  + "style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; "
                  + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"));
          if (hsts) {
            // Behind the TLS-terminating proxy the request itself arrives as plain HTTP.
            headers.httpStrictTransportSecurity(h -> h.requestMatcher(AnyRequestMatcher.INSTANCE)
                .maxAgeInSeconds(31_536_000));
          } else {
            headers.httpStrictTransportSecurity(h -> h.disable());
          }
        })
        // A pattern ending in /** matches the path itself too.
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/")).permitAll()
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/index.html")).permitAll()
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/css/**")).permitAll()
            // The public pages' one script (focus on the error list, submit once, print).
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/js/**")).permitAll()
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/favicon.ico")).permitAll()
            .requestMatchers(withDefaults().matcher("/error")).permitAll()
            // The webapps' login page asks for it (404): no login challenge on their login page.
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/camunda-welcome")).permitAll()
            .requestMatchers(withDefaults().matcher("/beratung-anfragen/**")).permitAll()
            .requestMatchers(withDefaults().matcher("/api/consultation-requests/**")).permitAll()
            .requestMatchers(withDefaults().matcher("/actuator/health/**")).permitAll()
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/api/documents/{id}")).access(documentAccess)
            .requestMatchers(withDefaults().matcher("/api/documents/**")).hasAnyAuthority(PROGRAMME_STAFF)
            // Erasure (Art. 17 DSGVO) is for admins only; access requests for programme staff.
            .requestMatchers(withDefaults().matcher("/api/programme/data-protection/erasure")).hasAuthority(KkbGroups.ADMINS)
            .requestMatchers(withDefaults().matcher("/programmsteuerung/datenschutz/loeschen/**")).hasAuthority(KkbGroups.ADMINS)
            .requestMatchers(withDefaults().matcher("/api/programme/**")).hasAnyAuthority(PROGRAMME_STAFF)
            .requestMatchers(withDefaults().matcher("/api/notifications/**")).hasAnyAuthority(PROGRAMME_STAFF)
            .requestMatchers(withDefaults().matcher("/programmsteuerung/**")).hasAnyAuthority(PROGRAMME_STAFF)
            .requestMatchers(withDefaults().matcher("/api/admin/**")).hasAuthority(KkbGroups.ADMINS)
            .requestMatchers(withDefaults().matcher("/administration/**")).hasAuthority(KkbGroups.ADMINS)
            .requestMatchers(withDefaults().matcher("/actuator/**")).hasAuthority(KkbGroups.ADMINS)
            .anyRequest().authenticated());
    return http.build();
  }

  /** The settings page's tokens, in a cookie and header of their own: XSRF-TOKEN is the webapps'. */
  private static CookieCsrfTokenRepository pageCsrfTokens() {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookieName("KKB-CSRF");
    tokens.setHeaderName("X-KKB-CSRF");
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
    return tokens;
  }

  /**
   * No Spring Security session and no CSRF token of its own: the engine API is stateless HTTP
   * Basic, the webapps have their own session and CSRF protection, and the platform's pages either
   * are public forms or take the webapps' login read-only (the settings page adds its own token).
   */
  private static HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        // No session handling of its own: otherwise the webapps' session gets a new id on every
        // request that the webapps' login authenticates, and parallel requests lose it (401).
        .sessionManagement(AbstractHttpConfigurer::disable)
        .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
  }
}
