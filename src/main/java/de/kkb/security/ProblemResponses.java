package de.kkb.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
}
