package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract between forms and models: every form parses and belongs to a model, every form a
 * model names exists, and every variable a model reads is entered in one of its forms or set by
 * code that is named here.
 */
class FormContractTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([a-zA-Z_][a-zA-Z0-9_]*)(?![\\w(])");

  /** Variables and beans that come from code or from the engine, not from a form. */
  static final Map<String, String> SET_BY_CODE = Map.ofEntries(
      Map.entry("measures", "MeasurePlan (the plan of measures, one entry per captured measure)"),
      // No element variable: a copy of each measure would cost a JSON variable (history rows) per measure.
      Map.entry("loopCounter", "the engine: the index of the measure in CallActivity_PlannedInterventions"),
      Map.entry("withdrawalReason", "the message ConsultationWithdrawn (set by whoever correlates it)"),
      Map.entry("escalationDescription", "the message CriticalEscalationReported"),
      Map.entry("phase", "PhaseTracker"),
      Map.entry("carrier", "ConsultationStart"),
      Map.entry("reference", "RequestRegister (the request's reference and business key)"),
      Map.entry("municipalityName", "the intake (ConsultationRequestForm, page and API) starts the request with it"),
      Map.entry("eligibility", "the business rule task (decision Eligibility, single result)"),
      Map.entry("placeFreed", "PhaseTracker, out-mapped from the called Consultation"),
      Map.entry("handedInDocuments", "ApplicantPortal: the documents handed in, as links"),
      Map.entry("execution", "the engine"), Map.entry("task", "the engine"));
  static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
      "eq", "ne", "gt", "lt", "ge", "le");

  static Map<String, Set<String>> formFields = new HashMap<>();
  static Set<String> startForms = new HashSet<>();

  @BeforeAll
  static void readForms() throws IOException {
    for (Path file : ProcessDeploymentTest.files(ProcessDeploymentTest.FORMS)) {
      JsonNode form = JSON.readTree(file.toFile());
      assertThat(form.path("id").asText()).as(file + " id").startsWith("Form_");
      assertThat(form.path("type").asText()).isEqualTo("default");
      assertThat(form.path("components").isArray()).as(file + " components").isTrue();
      Set<String> keys = new HashSet<>();
      collectKeys(form.path("components"), keys);
      assertThat(formFields.put(form.path("id").asText(), keys)).as("duplicate form id in " + file)
          .isNull();
    }
    for (Path file : ProcessDeploymentTest.bpmnFiles()) {
      Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(StartEvent.class).stream()
          .map(start -> start.getAttributeValueNs(CAMUNDA_NS, "formRef"))
          .filter(formRef -> formRef != null)
          .forEach(startForms::add);
    }
  }

  @Test
  void everyFormBelongsToAModelAndEveryFormRefExists() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (Path file : ProcessDeploymentTest.bpmnFiles()) {
      for (ModelElementInstance element : formElements(Bpmn.readModelFromFile(file.toFile()))) {
        String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
        if (element instanceof UserTask) {
          assertThat(formRef).as(file + " " + element.getAttributeValue("id") + " has a form").isNotNull();
        }
        if (formRef != null) {
          assertThat(formFields).as(file + " references " + formRef).containsKey(formRef);
          referenced.add(formRef);
        }
      }
    }
    assertThat(referenced).containsExactlyInAnyOrderElementsOf(formFields.keySet());
  }

  @Test
  void everyFormHasGermanLabelsAndChecksItsInput() throws IOException {
    for (Path file : ProcessDeploymentTest.files(ProcessDeploymentTest.FORMS)) {
      JsonNode form = JSON.readTree(file.toFile());
      List<JsonNode> fields = new ArrayList<>();
      collectFields(form.path("components"), fields);
      assertThat(fields).as(file + " fields").isNotEmpty();
      for (JsonNode field : fields) {
        String label = field.has("label") ? field.path("label").asText() : field.path("dateLabel").asText();
        assertThat(label).as(file + " " + field.path("key") + " label").isNotBlank();
        String type = field.path("type").asText();
        if (type.equals("textfield") || type.equals("textarea")) {
          assertThat(field.path("validate").has("maxLength")).as(file + " " + field.path("key")
              + " maxLength").isTrue();
        }
        if (type.equals("number")) {
          assertThat(field.path("validate").has("min") && field.path("validate").has("max"))
              .as(file + " " + field.path("key") + " range").isTrue();
        }
      }
    }
  }

  @Test
  void everyVariableAModelReadsComesFromItsFormsOrFromNamedCode() throws IOException {
    for (Path file : ProcessDeploymentTest.bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> available = new HashSet<>(SET_BY_CODE.keySet());
      for (ModelElementInstance element : formElements(model)) {
        String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
        if (formRef != null) {
          available.addAll(formFields.get(formRef));
        }
      }
      Set<String> read = new HashSet<>();
      model.getModelElementsByType(ConditionExpression.class).forEach(c -> read.addAll(identifiers(c.getTextContent())));
      model.getModelElementsByType(TimeDate.class).forEach(t -> read.addAll(identifiers(t.getTextContent())));
      model.getModelElementsByType(TimeCycle.class).forEach(t -> read.addAll(identifiers(t.getTextContent())));
      model.getModelElementsByType(CamundaIn.class).forEach(in -> {
        if (in.getCamundaSource() != null) {
          read.add(in.getCamundaSource());
        }
        if (in.getCamundaSourceExpression() != null) {
          read.addAll(identifiers(in.getCamundaSourceExpression()));
        }
      });
      model.getModelElementsByType(UserTask.class).forEach(t -> {
        if (t.getCamundaCandidateGroups() != null) {
          read.addAll(identifiers(t.getCamundaCandidateGroups()));
        }
      });
      read.removeAll(KEYWORDS);
      read.removeAll(List.of("programmeCalendar", "consultationSchedule", "phaseTracker", "measurePlan",
          "consultationStart", "intakeSchedule", "roundStatus", "requestStatusTracker", "places", "waitingList", "requestRegister", "notices", "programmeNotices",
          "interimReports", "deadlineWatch", "retentionSchedule"));
      assertThat(available).as(file + ": variables the model reads").containsAll(read);
    }
  }

  @Test
  void taskFormsShowMunicipalityAndPhase() throws IOException {
    assertThat(startForms).isNotEmpty();
    for (Path file : ProcessDeploymentTest.files(ProcessDeploymentTest.FORMS)) {
      JsonNode form = JSON.readTree(file.toFile());
      if (startForms.contains(form.path("id").asText())) {
        continue;
      }
      JsonNode first = form.path("components").get(0);
      assertThat(first.path("type").asText()).as(file + " starts with the context").isEqualTo("text");
      assertThat(first.path("text").asText()).contains("**Phase:**")
          .containsAnyOf("{{municipalityName}}", "**Programmrunde:**");
    }
  }

  /** Identifiers inside ${…}, without method calls, properties and string literals. */
  static Set<String> identifiers(String expression) {
    Set<String> names = new HashSet<>();
    if (expression == null) {
      return names;
    }
    Matcher outer = Pattern.compile("[$#]\\{([^}]*)}").matcher(expression);
    while (outer.find()) {
      String body = outer.group(1).replaceAll("'[^']*'", "''");
      Matcher id = IDENTIFIER.matcher(body);
      while (id.find()) {
        names.add(id.group(1));
      }
    }
    return names;
  }

  private static List<ModelElementInstance> formElements(BpmnModelInstance model) {
    List<ModelElementInstance> elements = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    elements.addAll(model.getModelElementsByType(StartEvent.class));
    return elements;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    List<JsonNode> fields = new ArrayList<>();
    collectFields(components, fields);
    fields.forEach(f -> keys.add(f.path("key").asText()));
  }

  private static void collectFields(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.has("key")) {
        fields.add(component);
      }
      if (component.has("components")) {
        collectFields(component.path("components"), fields);
      }
    }
  }
}
