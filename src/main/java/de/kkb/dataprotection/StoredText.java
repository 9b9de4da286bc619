package de.kkb.dataprotection;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** A variable value as the text it is stored as: strings as they are, JSON and objects serialised. */
final class StoredText {

  private StoredText() {
  }

  /** Null for values without text (numbers, dates and booleans are shown by {@link #shown}). */
  static String of(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SerializableValue serializable) {
      return serializable.getValueSerialized();
    }
    return value.getValue() instanceof String text ? text : null;
  }

  /** What a person reads: the text, or the value as it prints. */
  static String shown(TypedValue value) {
    String text = of(value);
    if (text != null) {
      return text;
    }
    return value == null || value.getValue() == null ? "" : String.valueOf(value.getValue());
  }
}
