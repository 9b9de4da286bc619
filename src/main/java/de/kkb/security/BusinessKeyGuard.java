package de.kkb.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nobody chooses a business key: the platform gives every request its reference, and a consultation
 * takes the reference of its request. A process start through the engine API (REST or Tasklist's
 * start dialog) that names a business key is refused with 400 before the engine sees it.
 */
class BusinessKeyGuard extends OncePerRequestFilter {

  private static final Pattern PROCESS_START =
      Pattern.compile(".*/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form)");

  private final ObjectMapper json = new ObjectMapper();
  private final String webappEngineApi;

  BusinessKeyGuard(String webappPath) {
    this.webappEngineApi = (webappPath + "/api/engine/").toLowerCase(Locale.ROOT);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.normalised(request);
    return !"POST".equals(request.getMethod())
        || !(path.startsWith("/engine-rest/") || path.startsWith(webappEngineApi))
        || !PROCESS_START.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    if (namesBusinessKey(body)) {
      ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Ungültige Anfrage",
          "Geschäftsschlüssel vergibt die Plattform selbst (das Aktenzeichen); bitte keinen angeben.",
          Map.of("parameter", "businessKey"));
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private boolean namesBusinessKey(byte[] body) {
    try {
      JsonNode root = json.readTree(body);
      if (root == null || !root.has("businessKey")) {
        return false;
      }
      JsonNode key = root.get("businessKey");
      return !key.isNull() && !(key.isTextual() && key.asText().isBlank());
    } catch (IOException notJson) {
      return false; // the engine refuses what it cannot read
    }
  }
}
