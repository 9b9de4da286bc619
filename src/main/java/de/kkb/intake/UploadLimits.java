package de.kkb.intake;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload beyond Spring's multipart limits ({@code spring.servlet.multipart.*}, set to the
 * documents' limits) fails while the request is parsed, before any controller is chosen: the German
 * 413 here, for every path, instead of Spring's English one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

  private final IntakeProperties properties;

  UploadLimits(IntakeProperties properties) {
    this.properties = properties;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Object> exceeded(MaxUploadSizeExceededException ex) {
    IntakeProperties.Documents documents = properties.documents();
    return IntakeProblemHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Datei zu groß",
        "Eine Datei darf höchstens " + ApplicantPortal.megabytes(documents.maxFileSize().toBytes())
            + " MB groß sein, und zu einer Anfrage gehören höchstens " + documents.maxFiles() + " Dateien.",
        Map.of());
  }
}
