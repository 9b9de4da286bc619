package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kkb.programme.Carrier;
import de.kkb.programme.ProgrammeProperties;
import org.junit.jupiter.api.Test;

/** The carrier fields of the forms offer the configured carriers, and nothing else changes. */
class CarrierFormOptionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> CARRIER_FORMS = List.of("decide-selection.form", "start-consultation.form",
      "start-interim-report.form", "start-intervention.form");
  static final List<Carrier> THREE = List.of(ProgrammeProperties.DEFAULT_CARRIERS.get(0),
      ProgrammeProperties.DEFAULT_CARRIERS.get(1),
      new Carrier("Dritter Träger", "consultants-drei", "Dritter Träger – Konfliktberatung Westfalen"));

  @Test
  void withTheDefaultCarriersEveryFormStaysAsItIsOnDisk() throws IOException {
    CarrierFormOptions options = new CarrierFormOptions(ProgrammeProperties.DEFAULT_CARRIERS);
    for (Path file : ProcessDeploymentTest.files(ProcessDeploymentTest.FORMS)) {
      byte[] onDisk = Files.readAllBytes(file);
      assertThat(options.apply(onDisk)).as(file.toString()).isSameAs(onDisk);
    }
  }

  @Test
  void theCarrierFieldsAreExactlyTheseFourForms() throws IOException {
    List<String> withCarrierField = new ArrayList<>();
    for (Path file : ProcessDeploymentTest.files(ProcessDeploymentTest.FORMS)) {
      if (!carrierFields(JSON.readTree(file.toFile())).isEmpty()) {
        withCarrierField.add(file.getFileName().toString());
      }
    }
    assertThat(withCarrierField).containsExactlyInAnyOrderElementsOf(CARRIER_FORMS);
  }

  @Test
  void aThirdCarrierIsOfferedByEveryCarrierFieldInConfiguredOrder() throws IOException {
    CarrierFormOptions options = new CarrierFormOptions(THREE);
    for (String name : CARRIER_FORMS) {
      byte[] onDisk = Files.readAllBytes(ProcessDeploymentTest.FORMS.resolve(name));
      byte[] deployed = options.apply(onDisk);
      JsonNode form = JSON.readTree(deployed);
      List<JsonNode> fields = carrierFields(form);
      assertThat(fields).as(name).hasSize(1);
      List<String> offered = new ArrayList<>();
      fields.get(0).path("values").forEach(v -> offered.add(v.path("label").asText() + " = "
          + v.path("value").asText()));
      assertThat(offered).as(name).containsExactly(
          "K3B – Kompetenzzentrum Kommunale Konfliktberatung = consultants-k3b",
          "forumZFD – Forum Ziviler Friedensdienst = consultants-forumzfd",
          "Dritter Träger – Konfliktberatung Westfalen = consultants-drei");

      // Everything but the options is as on disk.
      JsonNode original = JSON.readTree(onDisk);
      ((ObjectNode) carrierFields(original).get(0)).remove("values");
      ((ObjectNode) fields.get(0)).remove("values");
      assertThat(form).as(name).isEqualTo(original);

      // The same carriers give the same bytes, so a restart deploys nothing new.
      assertThat(options.apply(onDisk)).as(name).isEqualTo(deployed);
      assertThat(options.apply(deployed)).as(name).isSameAs(deployed);
      assertThat(new String(deployed, java.nio.charset.StandardCharsets.UTF_8))
          .as("Modeler's layout").contains("\n  \"components\": [\n").endsWith("}\n");
    }
  }

  private static List<JsonNode> carrierFields(JsonNode form) {
    List<JsonNode> found = new ArrayList<>();
    collect(form.path("components"), found);
    return found;
  }

  private static void collect(JsonNode components, List<JsonNode> found) {
    for (JsonNode component : components) {
      if (CarrierFormOptions.FIELD_KEY.equals(component.path("key").asText())) {
        found.add(component);
      }
      collect(component.path("components"), found);
    }
  }
}
