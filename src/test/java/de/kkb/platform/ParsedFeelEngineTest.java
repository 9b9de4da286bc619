package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The FEEL engine that parses once decides exactly as Camunda's own, and fails as it does. */
class ParsedFeelEngineTest {

  static final String DESCRIBED = "In der Innenstadt streiten Verwaltung, Vereine und Anwohnende seit "
      + "Monaten über die Nutzung des Marktplatzes.";

  private final ParsedFeelEngine feel = new ParsedFeelEngine(List.of());

  @Test
  void eligibilityDecidesAsWithCamundasEngine() throws Exception {
    DefaultDmnEngineConfiguration parsedOnce = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    parsedOnce.setFeelEngineFactory(new ParsedFeelEngine.Factory(List::of));
    DmnEngine cached = parsedOnce.buildEngine();
    DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    assertThat(parsedOnce.getFeelEngine()).isInstanceOf(ParsedFeelEngine.class);
    DmnDecision decision = decision(cached);
    DmnDecision reference = decision(camunda);
    // Every rule, each case twice: the second evaluation runs on the parsed expressions.
    for (int round = 0; round < 2; round++) {
      for (Object[] c : new Object[][] {{"05315000", true, DESCRIBED}, {"09162000", true, DESCRIBED},
          {"05315000", false, DESCRIBED}, {"05315000", true, "kurz"}, {"05315000", true, null}, {null, true, DESCRIBED}}) {
        DmnDecisionResultEntries ours = decide(cached, decision, c);
        assertThat(ours.getEntryMap()).as("%s", Arrays.asList(c)).isEqualTo(decide(camunda, reference, c).getEntryMap());
      }
    }
    assertThat((Boolean) decide(cached, decision, new Object[] {"05315000", true, DESCRIBED}).get("eligible")).isTrue();
    assertThat((String) decide(cached, decision, new Object[] {"05315000", true, "kurz"}).get("ineligibilityReason"))
        .contains("mindestens 50 Zeichen");
  }

  @Test
  void evaluatesExpressionsAndUnaryTestsAgainstTheVariables() {
    var variables = Variables.createVariables().putValue("n", 7).putValue("text", "Konflikt").asVariableContext();
    assertThat((Object) feel.evaluateSimpleExpression("string length(text) + n", variables)).isEqualTo(15L);
    assertThat((Object) feel.evaluateSimpleExpression("string length(text) + n",
        Variables.createVariables().putValue("n", 1).putValue("text", "ab").asVariableContext())).isEqualTo(3L);
    assertThat(feel.evaluateSimpleUnaryTests("< 10", "n", variables)).isTrue();
    assertThat(feel.evaluateSimpleUnaryTests("< 10", "n",
        Variables.createVariables().putValue("n", 12).asVariableContext())).isFalse();
  }

  @Test
  void failsAsCamundasEngineDoesAndKeepsFailing() {
    var variables = Variables.createVariables().putValue("n", 7).asVariableContext();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> feel.evaluateSimpleExpression("n +* 1", variables))
          .isInstanceOf(FeelException.class).hasMessageContaining("n +* 1");
      assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("< <", "n", variables))
          .isInstanceOf(FeelException.class);
    }
  }

  private static DmnDecision decision(DmnEngine engine) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("processes/eligibility.dmn"))) {
      return engine.parseDecision("Eligibility", in);
    }
  }

  private static DmnDecisionResultEntries decide(DmnEngine engine, DmnDecision decision, Object[] c) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("ags", c[0]);
    variables.put("commissionedByAdministrationHead", c[1]);
    variables.put("conflictDescription", c[2]);
    return engine.evaluateDecision(decision, variables).getSingleResult();
  }
}
