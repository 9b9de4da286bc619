package de.kkb.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kkb.programme.Carrier;
import de.kkb.vocabulary.CommonVariables;

/**
 * The options of every {@code carrierGroup} field (radio or select with static values) of a form,
 * from {@code kkb.programme.carriers}: one per carrier, its label shown and its group as the value.
 *
 * <p>The form files in the repository list the two default carriers, so Camunda Modeler shows a
 * complete form. A form whose options already are the configured ones is deployed byte for byte as
 * it is; any other is rewritten, always the same way for the same carriers, so the engine's
 * duplicate filter still deploys nothing new on a restart.
 */
public final class CarrierFormOptions {

  static final String FIELD_KEY = CommonVariables.CARRIER_GROUP;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
  /** The layout of Camunda Modeler's files: two spaces, {@code "key": value}. */
  private static final DefaultPrettyPrinter LIKE_MODELER = new DefaultPrettyPrinter()
      .withObjectIndenter(INDENT).withArrayIndenter(INDENT)
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withArrayEmptySeparator("").withObjectEmptySeparator(""));

  private final ArrayNode options;

  public CarrierFormOptions(List<Carrier> carriers) {
    this.options = JSON.createArrayNode();
    for (Carrier carrier : carriers) {
      options.addObject().put("label", carrier.label()).put("value", carrier.group());
    }
  }

  /** The form with the configured carriers as options, or the same bytes if it has them already. */
  public byte[] apply(byte[] form) {
    try {
      JsonNode root = JSON.readTree(form);
      if (!replaceOptions(root.path("components"))) {
        return form;
      }
      return (JSON.writer(LIKE_MODELER).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Formular nicht lesbar", e);
    }
  }

  private boolean replaceOptions(JsonNode components) {
    boolean changed = false;
    for (JsonNode component : components) {
      if (FIELD_KEY.equals(component.path("key").asText()) && component.path("values").isArray()
          && !component.path("values").equals(options)) {
        ((ObjectNode) component).set("values", options.deepCopy());
        changed = true;
      }
      changed |= replaceOptions(component.path("components"));
    }
    return changed;
  }
}
