package de.kkb.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.platform.FormInputRefused;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A form the platform refused ({@link FormInputRefused}) reaches the engine API's caller as the
 * engine words it: "Cannot submit task form &lt;id&gt;: Eingabe nicht übernommen: …". Tasklist
 * shows that text under its German error title; this filter leaves only the German reason, for every
 * caller of the engine API, and tells {@link UniformEngineErrors} to let it through to consultants.
 */
class FormRefusalMessages extends OncePerRequestFilter {

  static final String PASSED = FormRefusalMessages.class.getName() + ".passed";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENGINE_TEXT = Pattern.compile(
      "Cannot (?:submit task form|instantiate process definition) \\S+: ("
          + Pattern.quote(FormInputRefused.PREFIX) + "[^\\n]*)");

  private final String webappPath;

  FormRefusalMessages(String webappPath) {
    this.webappPath = webappPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || ConsultantEngineApi.enginePath(RequestPaths.normalised(request), webappPath).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    Optional<String> reason = buffered.getStatus() == HttpStatus.BAD_REQUEST.value()
        ? reason(buffered.getContentAsByteArray()) : Optional.empty();
    if (reason.isEmpty()) {
      buffered.copyBodyToResponse();
      return;
    }
    buffered.resetBuffer();
    request.setAttribute(PASSED, Boolean.TRUE);
    // "message": Tasklist shows that field of an engine error.
    ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Eingabe nicht übernommen", reason.get(),
        Map.of("message", reason.get()));
  }

  static Optional<String> reason(byte[] body) {
    try {
      JsonNode message = JSON.readTree(body).path("message");
      Matcher matcher = ENGINE_TEXT.matcher(message.asText(""));
      return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
