package de.kkb.intake;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem responses ({@code application/problem+json}) of the intake API, in German: one message
 * per invalid field under {@code errors}.
 */
@RestControllerAdvice(assignableTypes = ConsultationRequestController.class)
public class IntakeProblemHandler extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(error.getField(), error.getDefaultMessage());
    }
    return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage",
        "Bitte die markierten Angaben prüfen.", Map.of("errors", errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().stream().map(JsonMappingException.Reference::getFieldName)
          .filter(name -> name != null).reduce((a, b) -> a + "." + b).orElse("?");
      return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage", "Bitte die markierten Angaben prüfen.",
          Map.of("errors", Map.of(field, "Der Wert hat nicht das erwartete Format.")));
    }
    return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage",
        "Der Inhalt ist kein gültiges JSON-Objekt.", Map.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Nicht unterstütztes Format",
        "Beratungsanfragen werden als JSON (application/json) angenommen.", Map.of());
  }

  @ExceptionHandler(DuplicateRequestException.class)
  ResponseEntity<Object> duplicate(DuplicateRequestException ex) {
    return problem(HttpStatus.CONFLICT, "Anfrage liegt bereits vor", ex.getMessage(), Map.of());
  }

  @ExceptionHandler(ApplicationDeadlinePassedException.class)
  ResponseEntity<Object> deadlinePassed(ApplicationDeadlinePassedException ex) {
    return problem(HttpStatus.CONFLICT, "Bewerbungsfrist abgelaufen", ex.getMessage(), Map.of());
  }

  static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
      Map<String, Object> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
