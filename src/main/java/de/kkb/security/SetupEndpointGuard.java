package de.kkb.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the Admin webapp's first-run setup endpoint, always. In Camunda 7.24.0 it creates an
 * admin whenever the admin group has no direct member (CVE-2026-77226, no community patch). Our
 * admins are created by the platform itself, so the endpoint has no legitimate use.
 */
class SetupEndpointGuard extends OncePerRequestFilter {

  private final String setupPath;

  SetupEndpointGuard(String webappPath) {
    this.setupPath = (webappPath + "/api/admin/setup").toLowerCase(Locale.ROOT);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    // The container's decoded and normalised path, so that encodings and dot segments do not slip by.
    String path = RequestPaths.normalised(request);
    if (path.equals(setupPath) || path.startsWith(setupPath + "/")) {
      ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Zugriff verweigert",
          "Die Ersteinrichtung über die Admin-Oberfläche ist auf dieser Plattform abgeschaltet. "
              + "Administrationskonten werden beim Start der Plattform angelegt.",
          Map.of());
      return;
    }
    chain.doFilter(request, response);
  }
}
