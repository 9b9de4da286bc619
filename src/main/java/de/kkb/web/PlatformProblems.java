package de.kkb.web;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Problems that concern the platform's own controllers (package {@code de.kkb}) as a whole, answered
 * in German as {@code application/problem+json}: a method a path does not support (405, with
 * {@code Allow}).
 *
 * <p>Spring finds no handler for such a request, so this advice cannot be limited by controller
 * types; it looks itself whether one of the platform's controllers serves the path, and leaves
 * other paths (the actuator's, for example) to Spring's default answer.
 */
@RestControllerAdvice
public class PlatformProblems {

  private static final String PLATFORM_PACKAGE = "de.kkb.";

  private final RequestMappingHandlerMapping mappings;

  public PlatformProblems(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    this.mappings = mappings;
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
      HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
    if (!servedByPlatform(request)) {
      throw ex; // Spring answers as without this advice
    }
    Set<HttpMethod> allowed = ex.getSupportedHttpMethods();
    String allowedList = allowed == null ? "" : allowed.stream().map(HttpMethod::name).sorted()
        .collect(Collectors.joining(", "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
        "Die Methode " + ex.getMethod() + " ist hier nicht erlaubt."
            + (allowedList.isEmpty() ? "" : " Erlaubt: " + allowedList + "."));
    problem.setTitle("Methode nicht erlaubt");
    HttpHeaders headers = new HttpHeaders();
    if (allowed != null) {
      headers.setAllow(allowed);
    }
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** Whether a handler method of the platform's own controllers is mapped to the request's path. */
  private boolean servedByPlatform(HttpServletRequest request) {
    if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
      ServletRequestPathUtils.parseAndCache(request);
    }
    return mappings.getHandlerMethods().entrySet().stream()
        .filter(entry -> entry.getValue().getBeanType().getName().startsWith(PLATFORM_PACKAGE))
        .anyMatch(entry -> entry.getKey().getActivePatternsCondition().getMatchingCondition(request) != null);
  }
}
