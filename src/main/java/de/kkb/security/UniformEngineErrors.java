package de.kkb.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * For consultants, an error of the engine API says nothing about other carriers' work: the
 * engine's texts name instance ids and resources, and "forbidden" (another carrier's task), "not
 * found" and server errors (an unknown id) differ. Every refusal a consultant gets is therefore one
 * German answer per kind: 400 for a malformed request, otherwise the same 404 whether the thing does
 * not exist or belongs to someone else.
 */
class UniformEngineErrors extends OncePerRequestFilter {

  private final PlatformRoles roles;
  private final String webappPath;

  UniformEngineErrors(PlatformRoles roles, String webappPath) {
    this.roles = roles;
    this.webappPath = webappPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !roles.isConsultantOnly(SecurityContextHolder.getContext().getAuthentication())
        || ConsultantEngineApi.enginePath(RequestPaths.normalised(request), webappPath).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    int status;
    try {
      chain.doFilter(request, buffered);
      status = buffered.getStatus();
    } catch (ServletException | RuntimeException failure) {
      logger.warn("Engine API call of a consultant failed: " + failure);
      status = HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
    {
      if (status >= 400 && status != HttpStatus.UNAUTHORIZED.value()) {
        buffered.resetBuffer();
        if (status == HttpStatus.BAD_REQUEST.value()) {
          ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Ungültige Anfrage",
              "Die Anfrage konnte so nicht verarbeitet werden. Bitte die Eingaben prüfen.",
              Map.of("message", "Die Anfrage konnte so nicht verarbeitet werden. Bitte die Eingaben prüfen."));
        } else {
          ProblemResponses.write(response, HttpStatus.NOT_FOUND, "Nicht gefunden",
              "Nicht gefunden oder nicht für Sie freigegeben.",
              Map.of("message", "Nicht gefunden oder nicht für Sie freigegeben."));
        }
      } else {
        buffered.copyBodyToResponse();
      }
    }
  }
}
