package de.kkb.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kkb.platform.EngineClock;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * Fills a deployed Camunda Form the way a careful user would: the given answers, otherwise a valid
 * value of the field's type and length. Used for demo data and by tests that drive processes
 * through their real forms.
 */
public final class FormFiller {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFiller() {
  }

  /** The values as process variables (numbers as Long, booleans, text). */
  public static Map<String, Object> variables(JsonNode form, Map<String, String> answers) {
    Map<String, Object> values = new HashMap<>();
    fill(form, answers).fields().forEachRemaining(field -> {
      JsonNode value = field.getValue().path("value");
      values.put(field.getKey(), value.isNumber() ? (Object) value.asLong()
          : value.isBoolean() ? (Object) value.asBoolean() : value.asText());
    });
    return values;
  }

  /**
   * Fills a Camunda Form like a careful user: given answers, else valid values of the field's type.
   * Fields the form hides under those answers ({@code conditional.hide}) are left out, as Tasklist
   * leaves them out of what it submits.
   */
  public static ObjectNode fill(JsonNode form, Map<String, String> answers) {
    ObjectNode variables = JSON.createObjectNode();
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    Map<String, List<String>> hiddenWhen = new LinkedHashMap<>();
    collect(form.path("components"), List.of(), fields, hiddenWhen);
    fields.forEach((key, field) -> {
      ObjectNode variable = variables.putObject(key);
      JsonNode validate = field.path("validate");
      switch (field.path("type").asText()) {
        case "number" -> variable.put("value", validate.path("min").asLong(0)).put("type", "Long");
        case "checkbox" -> variable.put("value", false).put("type", "Boolean");
        // Today for what has happened; a planned date (no past dates allowed) two weeks ahead.
        case "datetime" -> variable.put("value", answers.getOrDefault(key, EngineClock.today()
            .plusDays(field.path("disallowPassedDates").asBoolean() ? 14 : 0).toString())).put("type", "String");
        // Options from a variable (valuesKey) are known only to the caller.
        case "radio", "select" -> variable.put("value", answers.getOrDefault(key, field.has("values")
            ? field.path("values").get(0).path("value").asText() : null)).put("type", "String");
        case "checklist", "taglist" -> variable.put("value", answers.getOrDefault(key, "")).put("type", "String");
        default -> {
          String text = answers.getOrDefault(key, "Eintrag für " + key + ", Stand der Beratung.");
          int min = validate.path("minLength").asInt(0);
          int max = validate.path("maxLength").asInt(1000);
          while (text.length() < min) {
            text = text + " Mehr Text.";
          }
          variable.put("value", text.substring(0, Math.min(text.length(), max))).put("type", "String");
        }
      }
    });
    Map<String, Object> filled = new HashMap<>();
    variables.fields().forEachRemaining(field -> filled.put(field.getKey(),
        JSON.convertValue(field.getValue().path("value"), Object.class)));
    hiddenWhen.forEach((key, conditions) -> {
      if (conditions.stream().anyMatch(condition -> hidden(condition, filled))) {
        variables.remove(key);
      }
    });
    return variables;
  }

  /** Whether a form's FEEL condition ({@code "=agreementOutcome != \"CONCLUDED\""}) hides its field. */
  private static boolean hidden(String condition, Map<String, Object> values) {
    EvaluationResult result = FEEL.evaluateExpression(condition.replaceFirst("^=", ""), values);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  /** The form's fields by key, with the hide conditions of each and of the groups around it. */
  private static void collect(JsonNode components, List<String> outer, Map<String, JsonNode> fields,
      Map<String, List<String>> hiddenWhen) {
    for (JsonNode component : components) {
      List<String> conditions = new ArrayList<>(outer);
      if (component.path("conditional").has("hide")) {
        conditions.add(component.path("conditional").path("hide").asText());
      }
      if (component.has("key")) {
        fields.put(component.path("key").asText(), component);
        hiddenWhen.put(component.path("key").asText(), conditions);
      }
      collect(component.path("components"), conditions, fields, hiddenWhen);
    }
  }
}
