package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.intake.ConsultationRequestForm;
import de.kkb.intake.ConsultationRequestService;
import de.kkb.support.EngineTime;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data inventory {@code docs/datenschutz.md} names every process variable the platform writes:
 * each field of every form, each variable the intake sets when a request starts (asked of a real
 * start), each variable name of {@code de.kkb.vocabulary}, each variable the models map. A field that
 * Tasklist's submission keeps in a step record ({@link StepRecords}) is covered by its record: it
 * must stand in the same line (table row) as the record's name, since that is where its value lies.
 */
@PlatformTest
@EngineTime("2023-07-12T10:00")
class DataInventoryTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path INVENTORY = Path.of("docs/datenschutz.md");
  static final Pattern NAME = Pattern.compile("`([A-Za-z][A-Za-z0-9_]*)`");
  static final Pattern MODEL_VARIABLE = Pattern.compile("camunda:(?:inputParameter name|outputParameter name"
      + "|resultVariable|elementVariable)=\"(\\w+)\"|camunda:(?:in|out) [^>]*?target=\"(\\w+)\"");

  @Autowired
  ConsultationRequestService intake;
  @Autowired
  HistoryService history;
  @Autowired
  RuntimeService runtime;

  @Test
  void everyVariableOfFormsModelsAndVocabularyIsInTheInventory() throws Exception {
    String inventory = Files.readString(INVENTORY);
    Set<String> variables = new TreeSet<>();
    variables.addAll(formFields());
    variables.addAll(modelVariables());
    variables.addAll(vocabularyVariables());
    assertThat(variables).as("names found in forms, models and vocabulary").hasSizeGreaterThan(100);
    assertThat(missing(variables, inventory)).as("variables missing from " + INVENTORY).isEmpty();
  }

  @Test
  void everyVariableTheIntakeSetsIsInTheInventory() throws Exception {
    ConsultationRequestForm form = new ConsultationRequestForm("Inventarstadt", "STADT", "05399871", 12000,
        "Ansprechperson", "Büro", "inventar@example.org", "0211 1", true,
        "Seit dem Frühjahr streiten Verwaltung und Vereine über die Nutzung des Marktplatzes.", "Gespräche",
        "Vereine", LocalDate.of(2023, 9, 1));
    Set<String> variables = new TreeSet<>(form.toVariables().keySet());
    String reference = intake.submit(form).reference();
    String instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ConsultationRequestProcess.KEY).processInstanceBusinessKey(reference).singleResult()
        .getId();
    history.createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
        .map(HistoricVariableInstance::getName).forEach(variables::add);
    runtime.deleteProcessInstance(instance, "test cleanup");
    assertThat(variables).contains(ConsultationRequestProcess.Variables.CONTACT_EMAIL,
        ConsultationRequestProcess.Variables.ELIGIBILITY, ConsultationRequestProcess.Variables.REQUEST_STATUS);
    assertThat(missing(variables, Files.readString(INVENTORY))).as("intake variables missing from " + INVENTORY)
        .isEmpty();
  }

  @Test
  void everyStepRecordFieldStandsInTheRowOfItsRecord() throws IOException {
    assertThat(misplacedRecordFields(Files.readString(INVENTORY))).isEmpty();
  }

  /** The checks can fail: a made-up variable, a variable struck out, a record field in another row. */
  @Test
  void theChecksFindWhatIsMissing() throws IOException {
    String inventory = Files.readString(INVENTORY);
    assertThat(missing(Set.of("madeUpPersonalNote", "contactPhone"), inventory))
        .containsExactly("madeUpPersonalNote");
    assertThat(missing(Set.of("contactPhone"), inventory.replace("`contactPhone`", "Telefon")))
        .containsExactly("contactPhone");
    String moved = inventory.replace("`skaKeyFindings`", "Kernergebnisse") + "\n| `skaKeyFindings` | woanders |\n";
    assertThat(missing(Set.of("skaKeyFindings"), moved)).isEmpty();
    assertThat(misplacedRecordFields(moved)).containsExactly("conflictAnalysisRecord.skaKeyFindings");
  }

  /** The names the inventory mentions (in backticks). */
  static Set<String> named(String inventory) {
    Set<String> named = new TreeSet<>();
    Matcher name = NAME.matcher(inventory);
    while (name.find()) {
      named.add(name.group(1));
    }
    return named;
  }

  static List<String> missing(Set<String> variables, String inventory) {
    Set<String> named = named(inventory);
    return variables.stream().filter(variable -> !named.contains(variable)).sorted().toList();
  }

  /** {@code record.field} for each step-record field that is not in a row naming its record. */
  static List<String> misplacedRecordFields(String inventory) {
    List<String> misplaced = new ArrayList<>();
    List<String> lines = inventory.lines().toList();
    for (StepRecords.StepRecord record : StepRecords.BY_TASK.values()) {
      List<String> rows = lines.stream().filter(line -> line.contains("`" + record.name() + "`")).toList();
      if (rows.isEmpty()) {
        misplaced.add(record.name());
      }
      for (String field : record.fields()) {
        if (rows.stream().noneMatch(row -> row.contains("`" + field + "`"))) {
          misplaced.add(record.name() + "." + field);
        }
      }
    }
    return misplaced;
  }

  /** Every field key of every form. */
  static Set<String> formFields() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        collectKeys(JSON.readTree(file.toFile()).path("components"), keys);
      }
    }
    return keys;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.has("key")) {
        keys.add(component.path("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  /** Variables the models write: input and output mappings, decision results, call activity mappings. */
  static Set<String> modelVariables() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher variable = MODEL_VARIABLE.matcher(Files.readString(file));
        while (variable.find()) {
          names.add(variable.group(1) != null ? variable.group(1) : variable.group(2));
        }
      }
    }
    return names;
  }

  /** The variable names of {@code de.kkb.vocabulary}: its {@code Variables} classes and {@code CommonVariables}. */
  static Set<String> vocabularyVariables() throws Exception {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/de/kkb/vocabulary"))) {
      for (Path file : files.toList()) {
        String simpleName = file.getFileName().toString().replace(".java", "");
        if (simpleName.equals("package-info")) {
          continue;
        }
        Class<?> type = Class.forName("de.kkb.vocabulary." + simpleName);
        if (simpleName.equals("CommonVariables")) {
          names.addAll(constants(type));
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
          if (nested.getSimpleName().equals("Variables") || nested.getSimpleName().equals("EligibilityOutputs")) {
            names.addAll(constants(nested));
          }
        }
      }
    }
    return names;
  }

  private static Set<String> constants(Class<?> type) throws IllegalAccessException {
    Set<String> values = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }
}
