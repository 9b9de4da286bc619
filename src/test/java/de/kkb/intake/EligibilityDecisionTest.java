package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule of processes/eligibility.dmn, evaluated by the DMN engine itself. */
class EligibilityDecisionTest {

  static final String DESCRIBED = "In der Innenstadt streiten Verwaltung, Vereine und Anwohnende seit "
      + "Monaten über die Nutzung des Marktplatzes.";

  static DmnEngine dmn;
  static DmnDecision eligibility;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/eligibility.dmn"))) {
      eligibility = dmn.parseDecision("Eligibility", in);
    }
  }

  private DmnDecisionResultEntries decide(String ags, Boolean commissioned, String description) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("ags", ags);
    variables.put("commissionedByAdministrationHead", commissioned);
    variables.put("conflictDescription", description);
    return dmn.evaluateDecision(eligibility, variables).getSingleResult();
  }

  @Test
  void eligibleWhenInNrwCommissionedAndDescribed() {
    DmnDecisionResultEntries result = decide("05315000", true, DESCRIBED);
    assertThat((Boolean) result.get("eligible")).isTrue();
    assertThat((String) result.get("ineligibilityReason")).isNull();
  }

  @Test
  void notEligibleOutsideNorthRhineWestphalia() {
    DmnDecisionResultEntries result = decide("09162000", true, DESCRIBED);
    assertThat((Boolean) result.get("eligible")).isFalse();
    assertThat((String) result.get("ineligibilityReason")).contains("nicht in Nordrhein-Westfalen");
  }

  @Test
  void notEligibleWithoutTheAdministrationHead() {
    DmnDecisionResultEntries result = decide("05315000", false, DESCRIBED);
    assertThat((Boolean) result.get("eligible")).isFalse();
    assertThat((String) result.get("ineligibilityReason")).contains("Verwaltungsspitze");
  }

  @Test
  void notEligibleWithoutADescribedConflict() {
    DmnDecisionResultEntries result = decide("05315000", true, "Streit.");
    assertThat((Boolean) result.get("eligible")).isFalse();
    assertThat((String) result.get("ineligibilityReason")).contains("nicht ausreichend beschrieben");
    assertThat((Boolean) decide("05315000", true, null).get("eligible")).isFalse();
  }

  @Test
  void theFirstFailingRuleGivesTheReason() {
    DmnDecisionResultEntries result = decide("09162000", false, "kurz");
    assertThat((String) result.get("ineligibilityReason")).contains("nicht in Nordrhein-Westfalen");
    assertThat((Boolean) decide(null, true, DESCRIBED).get("eligible")).isFalse();
  }
}
