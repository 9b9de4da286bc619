package de.kkb.security;

import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call which part of the engine API, on both of its routes: programme management and admins
 * everything (the engine's authorizations then decide), consultants the {@link ConsultantEngineApi}
 * list, everyone else nothing. Anonymous callers are let through to the webapps' own login check
 * when {@code anonymousToWebapp} is set.
 */
record EngineApiAccess(PlatformRoles roles, String webappPath, boolean anonymousToWebapp)
    implements AuthorizationManager<RequestAuthorizationContext> {

  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication,
      RequestAuthorizationContext context) {
    Authentication caller = authentication.get();
    if (!TRUST.isAuthenticated(caller)) {
      return new AuthorizationDecision(anonymousToWebapp);
    }
    if (roles.seesTheWholeProgramme(caller)) {
      return new AuthorizationDecision(true);
    }
    if (!roles.isConsultantOnly(caller)) {
      return new AuthorizationDecision(false);
    }
    String path = RequestPaths.normalised(context.getRequest());
    return new AuthorizationDecision(ConsultantEngineApi.enginePath(path, webappPath)
        .map(enginePath -> ConsultantEngineApi.permits(context.getRequest().getMethod(), enginePath)
            && (!enginePath.equals("identity/groups")
                || caller.getName().equals(context.getRequest().getParameter("userId"))))
        .orElse(false));
  }
}
