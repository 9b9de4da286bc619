package de.kkb.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.kkb.platform.ConnectionFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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

  static final String NOT_FOUND = "Nicht gefunden oder nicht für Sie freigegeben.";
  static final String MALFORMED = "Die Anfrage konnte so nicht verarbeitet werden. Bitte die Eingaben prüfen.";
  private static final Pattern TASK_PATH = Pattern.compile("task/([^/]+)(/.*)?");

  private final PlatformRoles roles;
  private final String webappPath;
  private final ProcessEngine engine;

  UniformEngineErrors(PlatformRoles roles, String webappPath, ProcessEngine engine) {
    this.roles = roles;
    this.webappPath = webappPath;
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !roles.isConsultantOnly(SecurityContextHolder.getContext().getAuthentication())
        || ConsultantEngineApi.enginePath(RequestPaths.normalised(request), webappPath).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    // The engine's servlet may send an error page itself; the status is kept, the page is not sent.
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response) {
      @Override
      public void sendError(int status) {
        setStatus(status);
      }

      @Override
      public void sendError(int status, String message) {
        setStatus(status);
      }
    };
    int status;
    try {
      chain.doFilter(request, buffered);
      status = buffered.getStatus();
    } catch (ServletException | RuntimeException failure) {
      if (ConnectionFailures.isConnectionFailure(failure)) {
        throw failure; // answered 503 by de.kkb.web.DatabaseUnavailable
      }
      logger.warn("Engine API call of a consultant failed: " + failure);
      status = HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
    // The platform's own German reason for a refused form names only what the person entered.
    // 503: the database is unreachable, which says nothing about anyone's work.
    if (status < 400 || status == HttpStatus.UNAUTHORIZED.value()
        || status == HttpStatus.SERVICE_UNAVAILABLE.value()
        || Boolean.TRUE.equals(request.getAttribute(FormRefusalMessages.PASSED))) {
      buffered.copyBodyToResponse();
      return;
    }
    buffered.resetBuffer();
    // "message" too: Tasklist shows that field of an engine error to the user.
    if (status == HttpStatus.BAD_REQUEST.value() && !addressesAnInvisibleTask(request)) {
      ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Ungültige Anfrage", MALFORMED,
          Map.of("message", MALFORMED));
    } else {
      ProblemResponses.write(response, HttpStatus.NOT_FOUND, "Nicht gefunden", NOT_FOUND,
          Map.of("message", NOT_FOUND));
    }
  }

  /**
   * The engine answers some calls on an unknown task id with 400, and on another carrier's task
   * with 403: a 400 on a task the caller cannot see becomes the same 404.
   */
  private boolean addressesAnInvisibleTask(HttpServletRequest request) {
    String enginePath = ConsultantEngineApi.enginePath(RequestPaths.normalised(request), webappPath).orElse("");
    Matcher task = TASK_PATH.matcher(enginePath);
    if (!task.matches() || task.group(1).equals("count")) {
      return false;
    }
    // The normalised path is lower case; the id is taken from the request as sent.
    String original = request.getRequestURI();
    int at = original.toLowerCase(Locale.ROOT).indexOf("/task/" + task.group(1));
    String taskId = at < 0 ? task.group(1) : original.substring(at + 6, at + 6 + task.group(1).length());
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(caller.getName(),
        caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    try {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0;
    } finally {
      identity.clearAuthentication();
    }
  }
}
