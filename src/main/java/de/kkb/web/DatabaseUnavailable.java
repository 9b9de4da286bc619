package de.kkb.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import de.kkb.platform.ConnectionFailures;
import de.kkb.platform.DatabaseConnections;
import de.kkb.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Outermost filter of every path: a request that meets a lost database connection (a restart, a
 * failover, terminated connections) is answered 503 with a German problem and {@code Retry-After},
 * never 500, wherever it failed: the platform's pages and APIs, the login, the session, or the engine
 * REST API and the webapps' APIs (their JAX-RS answers are turned into the same 503 by
 * {@link EngineApiDatabaseUnavailable}). A browser that asks for HTML gets the platform's German
 * error page with the same status and header instead. Then the connection pool is renewed.
 */
public class DatabaseUnavailable extends OncePerRequestFilter {

  /** Set by {@link EngineApiDatabaseUnavailable} when it answered 503 itself. */
  static final String ANSWERED = DatabaseUnavailable.class.getName() + ".answered";
  public static final String TITLE = "Datenbank vorübergehend nicht erreichbar";
  public static final String DETAIL = "Die Plattform erreicht ihre Datenbank gerade nicht, zum Beispiel "
      + "während eines Neustarts. Ihre Anfrage wurde nicht verarbeitet. Bitte in wenigen Sekunden erneut versuchen.";
  /** Seconds: a restart of the database takes a few. */
  public static final int RETRY_AFTER_SECONDS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

  private final DatabaseConnections connections;
  private final ITemplateEngine templates;

  public DatabaseUnavailable(DatabaseConnections connections, ITemplateEngine templates) {
    this.connections = connections;
    this.templates = templates;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException failure) {
      if (!ConnectionFailures.isConnectionFailure(failure) || response.isCommitted()) {
        throw failure;
      }
      LOG.warn("{} {}: Datenbankverbindung verloren, Antwort 503", request.getMethod(), request.getRequestURI());
      connections.lost(failure);
      if (ProblemResponses.prefersHtml(request.getHeader(HttpHeaders.ACCEPT))) {
        writePage(response);
      } else {
        write(response);
      }
      return;
    }
    Object answered = request.getAttribute(ANSWERED);
    if (answered instanceof Throwable failure) {
      connections.lost(failure);
    }
  }

  /** The 503 problem with {@code Retry-After}. */
  public static void write(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL, Map.of());
  }

  /** The error page (templates/error.html), rendered without the database. */
  private void writePage(HttpServletResponse response) throws IOException {
    String page = templates.process("error", new Context(Locale.GERMAN,
        Map.of("status", HttpStatus.SERVICE_UNAVAILABLE.value())));
    response.resetBuffer();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.getWriter().write(page);
  }

  static Map<String, Object> problem() {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", TITLE);
    problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
    problem.put("detail", DETAIL);
    return problem;
  }
}
