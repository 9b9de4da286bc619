package de.kkb.web;

import java.io.IOException;
import java.util.LinkedHashMap;
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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter of every path: a request that meets a lost database connection (a restart, a
 * failover, terminated connections) is answered 503 with a German problem and {@code Retry-After},
 * never 500, wherever it failed: the platform's pages and APIs, the login, the session, or the engine
 * REST API and the webapps' APIs (their JAX-RS answers are turned into the same 503 by
 * {@link EngineApiDatabaseUnavailable}). Then the connection pool is renewed.
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

  public DatabaseUnavailable(DatabaseConnections connections) {
    this.connections = connections;
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
      write(response);
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

  static Map<String, Object> problem() {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", TITLE);
    problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
    problem.put("detail", DETAIL);
    return problem;
  }
}
