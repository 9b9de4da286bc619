package de.kkb.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes RFC 9457 problem responses ({@code application/problem+json}) from servlet filters, which
 * run before Spring MVC and its problem-detail support.
 */
public final class ProblemResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {
  }

  public static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
      Map<String, Object> extra) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.putAll(extra);
    response.resetBuffer();
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    byte[] body = JSON.writeValueAsBytes(problem);
    try {
      response.getOutputStream().write(body);
    } catch (IllegalStateException writerInUse) {
      response.getWriter().write(new String(body, StandardCharsets.UTF_8));
    }
    response.flushBuffer();
  }

  /**
   * Whether the caller ranks HTML above JSON (a browser opening a page) by the Accept qualities: such
   * a caller gets a German page instead of the problem.
   */
  public static boolean prefersHtml(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .filter(type -> !type.isWildcardType())
          .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
          .findFirst()
          .map(type -> type.isCompatibleWith(MediaType.TEXT_HTML))
          .orElse(false);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
