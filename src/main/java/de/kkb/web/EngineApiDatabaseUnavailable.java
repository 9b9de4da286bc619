package de.kkb.web;

import java.io.IOException;
import java.lang.annotation.Annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.platform.ConnectionFailures;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * The engine REST API and the webapps' APIs are JAX-RS applications: their exception mappers answer
 * every failure with 500 before a servlet filter sees it. Discovered by Jersey in each of them
 * ({@code META-INF/services}), this notes a lost database connection while a call is processed and
 * turns the mapped 500 into the platform's 503 ({@link DatabaseUnavailable}).
 */
public class EngineApiDatabaseUnavailable implements ForcedAutoDiscoverable {

  private static final String FAILURE = EngineApiDatabaseUnavailable.class.getName() + ".failure";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(Witness.class)) {
      context.register(Witness.class);
      context.register(Answer.class);
    }
  }

  /** Notes the first lost connection of a call. */
  public static class Witness implements ApplicationEventListener {

    @Override
    public void onEvent(ApplicationEvent event) {
      // nothing for the application as a whole
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
      return event -> {
        if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getException() != null
            && event.getContainerRequest().getProperty(FAILURE) == null
            && ConnectionFailures.isConnectionFailure(event.getException())) {
          event.getContainerRequest().setProperty(FAILURE, event.getException());
        }
      };
    }
  }

  /** Replaces the mapped server error of such a call. */
  public static class Answer implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
      Object failure = request.getProperty(FAILURE);
      if (!(failure instanceof Throwable) || response.getStatus() < 500) {
        return;
      }
      response.setStatus(503);
      response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      response.setEntity(body(), new Annotation[0], MediaType.valueOf("application/problem+json;charset=UTF-8"));
      // For the outer filter, which renews the connection pool.
      request.setProperty(DatabaseUnavailable.ANSWERED, failure);
    }

    private static String body() throws JsonProcessingException {
      return JSON.writeValueAsString(DatabaseUnavailable.problem());
    }
  }
}
