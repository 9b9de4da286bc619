package de.kkb.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is logged into the webapps (Tasklist, Cockpit, Admin) is also logged into the platform's own
 * pages: the webapps' session login becomes the Spring Security authentication of the request, with
 * the user's groups as authorities. The webapps keep their own login; nothing is written here.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  /** The session attribute under which the webapps keep their logins (Camunda's AuthenticationUtil). */
  private static final String WEBAPP_LOGINS = "authenticatedUser";

  private final ProcessEngine engine;

  WebappSessionAuthentication(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    var context = SecurityContextHolder.getContext();
    if (session != null && session.getAttribute(WEBAPP_LOGINS) instanceof Authentications
        && (context.getAuthentication() == null || !context.getAuthentication().isAuthenticated())) {
      Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
      if (logins.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
          && user.getGroupIds() != null) {
        context.setAuthentication(
            EngineUserAuthenticationProvider.authenticated(user.getIdentityId(), user.getGroupIds()));
      }
    }
    chain.doFilter(request, response);
  }
}
