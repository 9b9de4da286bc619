package de.kkb.intake;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.FieldError;

/**
 * One message per field, the same on the page and in the API. Where several constraints refuse a
 * value, the most specific one speaks: a value that could not be read at all (wrong type, given
 * twice), then refused characters ({@link PlainText}), then the first other constraint.
 */
final class FieldMessages {

  /** The messages the page and the API share. */
  static final String DATE = "Bitte ein Datum im Format JJJJ-MM-TT angeben.";
  static final String OTHER = "Der Wert hat nicht das erwartete Format.";
  static final String DUPLICATE = "Feld doppelt angegeben.";

  private FieldMessages() {
  }

  static Map<String, FieldError> onePerField(List<FieldError> errors) {
    Map<String, FieldError> chosen = new LinkedHashMap<>();
    errors.stream().sorted(Comparator.comparingInt(FieldMessages::rank))
        .forEach(error -> chosen.putIfAbsent(error.getField(), error));
    return chosen;
  }

  private static int rank(FieldError error) {
    if (error.isBindingFailure()) {
      return 0;
    }
    return PlainText.class.getSimpleName().equals(error.getCode()) ? 1 : 2;
  }
}
