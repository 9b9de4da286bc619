package de.kkb.intake;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem responses ({@code application/problem+json}) of the intake API, in German: one message
 * per invalid field under {@code errors}. What concerns the body as a whole (not JSON, not an
 * object, content after the object) is named {@code $}, the root of the body.
 */
@RestControllerAdvice(assignableTypes = ConsultationRequestController.class)
public class IntakeProblemHandler extends ResponseEntityExceptionHandler {

  /** The key in {@code errors} for the body as a whole. */
  static final String BODY = "$";

  static final String INTEGER = "Bitte eine ganze Zahl angeben (im JSON-Format als Zahl ohne Anführungszeichen).";
  static final String BOOLEAN = "Bitte true oder false angeben (im JSON-Format ohne Anführungszeichen).";
  static final String TEXT = "Bitte einen Text angeben (im JSON-Format in Anführungszeichen).";
  static final String UNKNOWN = "Unbekanntes Feld.";
  static final String TRAILING = "Nach der Angabe folgt weiterer Inhalt.";
  static final String NOT_JSON_TEXT = "Der Wert ist kein gültiger JSON-Text.";

  private static final String DUPLICATE_FIELD = "Duplicate field '";
  private static final String CHECK_FIELDS = "Bitte die markierten Angaben prüfen.";

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    FieldMessages.onePerField(ex.getBindingResult().getFieldErrors())
        .forEach((field, error) -> errors.put(field, error.getDefaultMessage()));
    return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage", CHECK_FIELDS, Map.of("errors", errors));
  }

  /**
   * JSON that the strict reader ({@link IntakeJson}) refuses: the field and why, where there is a
   * field; else the body as a whole.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getCause();
    // Jackson names these two only in its messages (JsonReadContext, DeserializationContext).
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read && read.getOriginalMessage() != null
          && read.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
        String message = read.getOriginalMessage();
        return fieldProblem(message.substring(DUPLICATE_FIELD.length(), message.length() - 1),
            FieldMessages.DUPLICATE);
      }
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
          .filter(Objects::nonNull).collect(Collectors.joining("."));
      return fieldProblem(field, message(field, mapping));
    }
    if (cause instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
        && mismatch.getOriginalMessage().startsWith("Trailing token")) {
      return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage", "Nach dem JSON-Objekt folgt weiterer Inhalt.",
          Map.of("errors", Map.of(BODY, TRAILING)));
    }
    String where = "";
    if (cause instanceof StreamReadException read && read.getLocation() != null
        && read.getLocation() != JsonLocation.NA && read.getLocation().getLineNr() > 0) {
      where = " (Zeile " + read.getLocation().getLineNr() + ", Spalte " + read.getLocation().getColumnNr() + ")";
    }
    return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage", "Der Inhalt ist kein gültiges JSON-Objekt.",
        Map.of("errors", Map.of(BODY, "Bitte genau ein JSON-Objekt senden" + where + ".")));
  }

  private static String message(String field, JsonMappingException mapping) {
    if (mapping instanceof UnrecognizedPropertyException) {
      return UNKNOWN;
    }
    for (Throwable t = mapping.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JsonParseException parse) {
        // The parser refuses unescaped control characters in strings ("CTRL-CHAR").
        return parse.getOriginalMessage() != null && parse.getOriginalMessage().contains("CTRL-CHAR")
            ? PlainText.CHARACTERS : NOT_JSON_TEXT;
      }
    }
    Class<?> type = IntakeJson.fieldType(field).orElse(null);
    if (type == Integer.class) {
      return INTEGER;
    }
    if (type == Boolean.class) {
      return BOOLEAN;
    }
    if (type == LocalDate.class) {
      return FieldMessages.DATE;
    }
    if (type == String.class) {
      return TEXT;
    }
    return FieldMessages.OTHER;
  }

  private static ResponseEntity<Object> fieldProblem(String field, String message) {
    return problem(HttpStatus.BAD_REQUEST, "Ungültige Anfrage", CHECK_FIELDS,
        Map.of("errors", Map.of(field, message)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Nicht unterstütztes Format",
        "Beratungsanfragen werden als JSON (application/json) angenommen.", Map.of());
  }

  @ExceptionHandler(PortalRefusal.class)
  ResponseEntity<Object> refused(PortalRefusal ex) {
    return problem(ex.status(), ex.title(), ex.getMessage(), Map.of());
  }

  /** Documents come as multipart/form-data; anything else (JSON, a plain body) is refused. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> notMultipart(MultipartException ex) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Nicht unterstütztes Format",
        "Unterlagen werden als multipart/form-data im Feld „files“ angenommen.", Map.of());
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "Keine Datei", "Bitte mindestens eine Datei im Feld „files“ senden.",
        Map.of());
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
