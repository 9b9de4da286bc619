package de.kkb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import org.junit.jupiter.api.Test;

/** The filler submits what Tasklist would: fields the form hides under the answers are left out. */
class FormFillerTest {

  static JsonNode steerImplementation() throws Exception {
    return new ObjectMapper().readTree(Files.readString(Path.of("forms/steer-implementation.form")));
  }

  @Test
  void fieldsHiddenByTheAnswersAreNotSubmitted() throws Exception {
    Map<String, Object> finish = FormFiller.variables(steerImplementation(),
        Map.of(ConsultationProcess.Variables.IMPLEMENTATION_ACTION, "FINISH"));
    assertThat(finish).containsEntry(ConsultationProcess.Variables.IMPLEMENTATION_ACTION, "FINISH")
        .doesNotContainKeys(CommonVariables.MEASURE_TITLE, CommonVariables.PLANNED_DATE);
  }

  @Test
  void fieldsShownByTheAnswersAreFilled() throws Exception {
    Map<String, Object> addMeasure = FormFiller.variables(steerImplementation(),
        Map.of(ConsultationProcess.Variables.IMPLEMENTATION_ACTION, ConsultationProcess.Values.IMPLEMENTATION_ADD_MEASURE));
    assertThat(addMeasure).containsKeys(CommonVariables.MEASURE_TITLE, CommonVariables.PLANNED_DATE);
  }
}
