package de.kkb.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses expressions ({@code ${…}}, {@code #{…}}) in query parameters and JSON bodies of the engine
 * REST API and the webapps' API with 400 (CVE-2026-109432: an expression inside {@code orQueries}
 * bypasses the engine's own check for ad-hoc queries).
 *
 * <p>Process data may legitimately contain such text (a consultant's note), so maps of variable
 * values ({@code "variables": {"x": {"value": …, "type": …}}}) are not inspected: the engine stores
 * them as data and never evaluates them.
 */
class ExpressionGuard extends OncePerRequestFilter {

  /** Body keys whose value, when shaped as a map of variable values, carries data, not a query. */
  static final Set<String> VARIABLE_MAP_KEYS = Set.of("variables", "modifications", "localVariables",
      "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope",
      "correlationKeys", "localCorrelationKeys");
  private static final Set<String> VARIABLE_VALUE_FIELDS = Set.of("value", "type", "valueInfo", "local");
  private static final List<String> MARKERS = List.of("${", "#{");

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> guardedPrefixes;

  ExpressionGuard(String webappPath) {
    this.guardedPrefixes = List.of("/engine-rest/", (webappPath + "/api/").toLowerCase(Locale.ROOT));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.normalised(request) + "/";
    return guardedPrefixes.stream().noneMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Optional<String> found = findInQueryString(request.getQueryString());
    HttpServletRequest forwarded = request;
    if (found.isEmpty() && hasJsonBody(request)) {
      byte[] body = request.getInputStream().readAllBytes();
      forwarded = new CachedBodyRequest(request, body);
      found = findInJson(body);
    }
    if (found.isPresent()) {
      ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Ungültige Anfrage",
          "Ausdrücke (${…} oder #{…}) sind in Abfragen nicht erlaubt.",
          Map.of("parameter", found.get()));
      return;
    }
    chain.doFilter(forwarded, response);
  }

  static Optional<String> findInQueryString(String query) {
    if (query == null || query.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (containsExpression(name) || containsExpression(value)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  Optional<String> findInJson(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      return Optional.empty(); // not JSON: the endpoint itself rejects it
    }
    return root == null ? Optional.empty() : find(root, "");
  }

  private Optional<String> find(JsonNode node, String path) {
    if (node.isTextual()) {
      return containsExpression(node.textValue()) ? Optional.of(path) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = find(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (containsExpression(field.getKey())) {
          return Optional.of(fieldPath);
        }
        if (VARIABLE_MAP_KEYS.contains(field.getKey()) && isVariableValueMap(field.getValue())) {
          continue;
        }
        Optional<String> found = find(field.getValue(), fieldPath);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code {"name": {"value": …, "type": …}, …}}: the shape of variables to set or to match by value. */
  private static boolean isVariableValueMap(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    for (JsonNode value : node) {
      if (!value.isObject()) {
        return false;
      }
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        if (!VARIABLE_VALUE_FIELDS.contains(names.next())) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean containsExpression(String text) {
    return text != null && MARKERS.stream().anyMatch(text::contains);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // malformed escapes: the raw text is checked
    }
  }

  private static boolean hasJsonBody(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
  }
}
