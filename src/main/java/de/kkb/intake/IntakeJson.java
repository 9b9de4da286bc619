package de.kkb.intake;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Strict JSON for the intake API, and only there: a converter that reads nothing but
 * {@link ConsultationRequestForm}, with a mapper of its own. Spring's shared mapper (and with it every
 * other controller) stays as it is.
 *
 * <p>Refused: unknown fields, a field given twice, content after the object, and every coercion
 * between JSON types (a string for a number or a boolean, a number for a string or a date, 1/0 for a
 * boolean, floats for integers, arrays or objects for a single value). Dates are strings in the
 * format {@code JJJJ-MM-TT} and nothing else (no arrays, no epoch days). The JSON parser itself
 * refuses unescaped control characters inside strings, comments, single quotes and the like.
 */
final class IntakeJson extends MappingJackson2HttpMessageConverter {

  IntakeJson() {
    super(strictMapper());
  }

  static ObjectMapper strictMapper() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
        .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
        .disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .defaultLeniency(false)
        .withCoercionConfigDefaults(config -> {
          for (CoercionInputShape shape : CoercionInputShape.values()) {
            config.setCoercion(shape, CoercionAction.Fail);
          }
          config.setAcceptBlankAsEmpty(false);
        })
        .addModule(new SimpleModule("kkb-intake").addDeserializer(LocalDate.class, new IsoDate()))
        .build();
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return clazz == ConsultationRequestForm.class && super.canRead(clazz, mediaType);
  }

  @Override
  public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
    return type == ConsultationRequestForm.class && super.canRead(type, contextClass, mediaType);
  }

  @Override
  public boolean canWrite(Class<?> clazz, MediaType mediaType) {
    return false;
  }

  @Override
  public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
    return false;
  }

  /** The declared type of a field of the form, if there is such a field. */
  static Optional<Class<?>> fieldType(String field) {
    return Arrays.stream(ConsultationRequestForm.class.getRecordComponents())
        .filter(component -> component.getName().equals(field))
        .<Class<?>>map(RecordComponent::getType)
        .findFirst();
  }

  /** A date is a JSON string {@code JJJJ-MM-TT}: no arrays [2023, 10, 1], no numbers, no "". */
  static final class IsoDate extends StdScalarDeserializer<LocalDate> {

    IsoDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        String text = p.getText();
        try {
          return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
          return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date JJJJ-MM-TT");
        }
      }
      return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
    }
  }
}
