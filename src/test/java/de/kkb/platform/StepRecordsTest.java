package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.vocabulary.InterventionProcess;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;

/**
 * A step's record takes the fields only its own form names: a field that a model (gateway, timer,
 * mapping) or another task's form (a text view, a condition) reads must stay a variable.
 */
class StepRecordsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern USER_TASK = Pattern.compile(
      "<bpmn:userTask id=\"(\\w+)\"[^>]*?camunda:formRef=\"(\\w+)\"", Pattern.DOTALL);

  @Test
  void documentationFieldsBecomeOneJsonVariableAndTheRestStays() throws IOException {
    VariableMap submitted = Variables.createVariables()
        .putValue(InterventionProcess.Variables.INTERVENTION_OUTCOME, "HELD")
        .putValue(InterventionProcess.Variables.PARTICIPANTS, 12L)
        .putValue(InterventionProcess.Variables.RESULT_SUMMARY, "Regeln vereinbart.")
        .putValue(InterventionProcess.Variables.FOLLOW_UP_PLANNED, false);
    VariableMap stored = StepRecords.restructure(InterventionProcess.Tasks.DOCUMENT_INTERVENTION, submitted);
    assertThat(stored.keySet()).containsExactlyInAnyOrder(InterventionProcess.Variables.INTERVENTION_OUTCOME,
        InterventionProcess.Variables.FOLLOW_UP_PLANNED, InterventionProcess.Variables.DOCUMENTATION_RECORD);
    SerializableValue record = stored.getValueTyped(InterventionProcess.Variables.DOCUMENTATION_RECORD);
    JsonNode fields = JSON.readTree(record.getValueSerialized());
    assertThat(fields.path(InterventionProcess.Variables.PARTICIPANTS).asLong()).isEqualTo(12);
    assertThat(fields.path(InterventionProcess.Variables.RESULT_SUMMARY).asText()).isEqualTo("Regeln vereinbart.");
  }

  @Test
  void aSubmissionWithoutDocumentationFieldsIsLeftAsItIs() {
    VariableMap submitted = Variables.createVariables()
        .putValue(InterventionProcess.Variables.INTERVENTION_OUTCOME, "HELD");
    assertThat(StepRecords.restructure(InterventionProcess.Tasks.DOCUMENT_INTERVENTION, submitted))
        .isSameAs(submitted);
    assertThat(StepRecords.restructure("Task_Unknown", submitted)).isSameAs(submitted);
  }

  @Test
  void recordedFieldsAreNamedOnlyByTheFormsOfTheTasksThatRecordThem() throws IOException {
    Map<String, String> formOfTask = new HashMap<>();
    StringBuilder models = new StringBuilder();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.toList()) {
        String model = Files.readString(file);
        models.append(model.replaceAll("(?s)<bpmn:documentation>.*?</bpmn:documentation>", ""));
        Matcher task = USER_TASK.matcher(model);
        while (task.find()) {
          formOfTask.put(task.group(1), task.group(2));
        }
      }
    }
    Map<String, String> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.toList()) {
        String form = Files.readString(file);
        forms.put(JSON.readTree(form).path("id").asText(), form);
      }
    }
    Map<String, Set<String>> recordingForms = new HashMap<>();
    StepRecords.BY_TASK.forEach((task, record) -> {
      assertThat(formOfTask).as("the model task " + task).containsKey(task);
      record.fields().forEach(field ->
          recordingForms.computeIfAbsent(field, f -> new HashSet<>()).add(formOfTask.get(task)));
    });
    recordingForms.forEach((field, own) -> {
      Pattern named = Pattern.compile("\\b" + field + "\\b");
      assertThat(named.matcher(models).find()).as(field + " named by a model").isFalse();
      forms.forEach((id, form) -> {
        if (!own.contains(id)) {
          assertThat(named.matcher(form).find()).as(field + " named by " + id).isFalse();
        } else {
          assertThat(form).as(id + " has the field " + field).contains("\"key\": \"" + field + "\"");
        }
      });
    });
  }
}
