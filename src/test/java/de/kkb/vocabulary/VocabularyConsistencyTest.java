package de.kkb.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The vocabulary classes and the models and forms name the same things: every process key,
 * message, error code, user task id, variable and option value in {@code de.kkb.vocabulary} exists
 * in the process's model or forms, and every one the model or its forms use is in the vocabulary.
 * Renaming something in Camunda Modeler or in a form without the vocabulary (or the other way
 * round) fails here.
 */
class VocabularyConsistencyTest {

  static final List<Class<?>> PROCESSES = List.of(ConsultationRequestProcess.class,
      ConsultationProcess.class, InterventionProcess.class, InterimReportProcess.class,
      ProgrammeRoundProcess.class, DeadlineWatchProcess.class, CriticalSituationProcess.class,
      WithdrawalRecordingProcess.class, DataRetentionProcess.class);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  /** An identifier in an expression; a following '(' makes it a function, a leading '.' a property. */
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![.\\w'\"])([a-zA-Z_][a-zA-Z0-9_]*)(\\s*\\.\\s*[a-zA-Z_]\\w*\\s*\\()?");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");
  private static final Pattern CALL_LABEL = Pattern.compile("(\\w+)\\.(\\w+)\\(execution,\\s*'([^']*)'");
  private static final Set<String> ENGINE = Set.of("execution", "task", "true", "false", "null",
      "empty", "not", "and", "or", "eq", "ne", "gt", "lt", "ge", "le", "currentUser",
      "currentUserGroups", "now", "dateTime", "loopCounter");

  static Map<String, Path> models = new HashMap<>();
  static Map<String, JsonNode> forms = new HashMap<>();
  static Set<String> beanNames;

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
          models.put(process.getId(), file);
        }
      }
    }
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        forms.put(form.path("id").asText(), form);
      }
    }
    beanNames = beanNames();
  }

  static Stream<Class<?>> processes() {
    return PROCESSES.stream();
  }

  @Test
  void everyModelHasItsVocabularyClass() {
    Set<String> keys = PROCESSES.stream().map(p -> constant(p, "KEY")).collect(Collectors.toSet());
    assertThat(keys).as("process keys in de.kkb.vocabulary").isEqualTo(models.keySet());
  }

  @ParameterizedTest
  @MethodSource("processes")
  void messagesErrorsAndTasksMatchTheModel(Class<?> vocabulary) {
    BpmnModelInstance model = model(vocabulary);
    assertThat(constants(vocabulary, "Messages")).as(vocabulary.getSimpleName() + ".Messages")
        .isEqualTo(names(model.getModelElementsByType(Message.class).stream().map(Message::getName)));
    assertThat(constants(vocabulary, "Errors")).as(vocabulary.getSimpleName() + ".Errors")
        .isEqualTo(names(model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode)));
    assertThat(constants(vocabulary, "Tasks")).as(vocabulary.getSimpleName() + ".Tasks")
        .isEqualTo(names(model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)));
  }

  @ParameterizedTest
  @MethodSource("processes")
  void variablesMatchTheModelAndItsForms(Class<?> vocabulary) throws IOException {
    Set<String> used = variablesUsed(vocabulary);
    Set<String> known = new TreeSet<>(constants(vocabulary, "Variables"));
    known.addAll(constants(CommonVariables.class));
    assertThat(known).as("variables of " + models.get(constant(vocabulary, "KEY"))
        + " and its forms, missing from " + vocabulary.getSimpleName() + ".Variables or CommonVariables")
        .containsAll(used);
    Set<String> declared = withoutCodeOnly(vocabulary, "Variables");
    assertThat(used).as(vocabulary.getSimpleName() + ".Variables that its model and forms never name")
        .containsAll(declared);
  }

  @Test
  void commonVariablesAreUsedByTwoProcessesOrMore() throws IOException {
    Map<String, Integer> users = new HashMap<>();
    for (Class<?> vocabulary : PROCESSES) {
      variablesUsed(vocabulary).forEach(name -> users.merge(name, 1, Integer::sum));
    }
    for (String name : withoutCodeOnly(CommonVariables.class, null)) {
      assertThat(users.getOrDefault(name, 0)).as("processes that name " + name).isGreaterThanOrEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void optionValuesExistInTheForms(Class<?> vocabulary) {
    Set<String> options = new HashSet<>();
    formsOf(vocabulary).forEach(form -> form.findValues("values").forEach(values ->
        values.forEach(option -> options.add(option.path("value").asText()))));
    assertThat(options).as(vocabulary.getSimpleName() + ".Values in its forms' options")
        .containsAll(constants(vocabulary, "Values"));
  }

  @Test
  void eligibilityDecisionIsTheTableTheModelCalls() throws IOException {
    BpmnModelInstance model = model(ConsultationRequestProcess.class);
    assertThat(model.getModelElementsByType(BusinessRuleTask.class))
        .extracting(BusinessRuleTask::getCamundaDecisionRef)
        .containsExactly(ConsultationRequestProcess.ELIGIBILITY_DECISION);
    assertThat(Files.readString(Path.of("processes/eligibility.dmn")))
        .contains("<decision id=\"" + ConsultationRequestProcess.ELIGIBILITY_DECISION + "\"");
  }

  @Test
  void phasesAreTheLabelsTheModelsEnter() throws IOException {
    assertThat(labelsPassedTo("phaseTracker", "enter")).as("phases entered in the models")
        .isEqualTo(Arrays.stream(Phase.values()).map(Phase::label).collect(Collectors.toSet()));
  }

  @Test
  void requestStatusesAreTheLabelsTheModelsSet() throws IOException {
    Set<String> set = labelsPassedTo("requestStatusTracker", "set");
    set.addAll(labelsPassedTo("applicantNotices", "setStatusAndSend"));
    assertThat(set).as("request statuses set in the models")
        .isEqualTo(Arrays.stream(RequestStatus.values()).map(RequestStatus::label).collect(Collectors.toSet()));
  }

  @Test
  void beansTheModelsCallAreNamedLikeTheirClasses() throws IOException {
    Set<String> called = new TreeSet<>();
    for (Path file : models.values()) {
      Matcher expression = EXPRESSION.matcher(Files.readString(file));
      while (expression.find()) {
        Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'", "''"));
        while (identifier.find()) {
          if (identifier.group(2) != null && !ENGINE.contains(identifier.group(1))) {
            called.add(identifier.group(1));
          }
        }
      }
    }
    assertThat(called).isNotEmpty();
    assertThat(beanNames).as("Spring beans named like their classes").containsAll(called);
  }

  /** Labels passed first as {@code ${bean.method(execution, 'label', …)}} in any model. */
  private static Set<String> labelsPassedTo(String bean, String method) throws IOException {
    Set<String> labels = new TreeSet<>();
    for (Path file : models.values()) {
      Matcher call = CALL_LABEL.matcher(Files.readString(file));
      while (call.find()) {
        if (call.group(1).equals(bean) && call.group(2).equals(method)) {
          labels.add(call.group(3));
        }
      }
    }
    return labels;
  }

  /** Every variable the process's model and forms name: fields, templates, expressions, mappings. */
  static Set<String> variablesUsed(Class<?> vocabulary) throws IOException {
    Set<String> used = new TreeSet<>();
    for (JsonNode form : formsOf(vocabulary)) {
      form.findValues("key").forEach(key -> used.add(key.asText()));
      form.findValues("valuesKey").forEach(key -> used.add(key.asText()));
      form.findValues("text").forEach(text -> {
        Matcher template = TEMPLATE.matcher(text.asText());
        while (template.find()) {
          used.add(template.group(1));
        }
      });
    }
    String xml = Files.readString(models.get(constant(vocabulary, "KEY")));
    Matcher expression = EXPRESSION.matcher(xml);
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'", "''"));
      while (identifier.find()) {
        String name = identifier.group(1);
        if (identifier.group(2) == null && !ENGINE.contains(name) && !beanNames.contains(name)) {
          used.add(name);
        }
      }
    }
    Matcher parameter = Pattern.compile("<camunda:(?:input|output)Parameter name=\"([a-zA-Z_]\\w*)\"").matcher(xml);
    while (parameter.find()) {
      used.add(parameter.group(1));
    }
    for (String attribute : List.of("source", "target", "resultVariable", "elementVariable",
        "initiator")) {
      Matcher value = Pattern.compile("(?:camunda:)?" + attribute + "=\"([a-zA-Z_]\\w*)\"").matcher(xml);
      while (value.find()) {
        used.add(value.group(1));
      }
    }
    return used;
  }

  private static List<JsonNode> formsOf(Class<?> vocabulary) {
    Set<String> refs = new TreeSet<>();
    try {
      Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"")
          .matcher(Files.readString(models.get(constant(vocabulary, "KEY"))));
      while (ref.find()) {
        refs.add(ref.group(1));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(forms.keySet()).as("forms named by " + vocabulary.getSimpleName() + "'s model")
        .containsAll(refs);
    return refs.stream().map(forms::get).toList();
  }

  private static BpmnModelInstance model(Class<?> vocabulary) {
    Path file = models.get(constant(vocabulary, "KEY"));
    assertThat(file).as("model of " + vocabulary.getSimpleName()).isNotNull();
    return Bpmn.readModelFromFile(file.toFile());
  }

  private static Set<String> names(Stream<String> names) {
    return names.collect(Collectors.toCollection(TreeSet::new));
  }

  static String constant(Class<?> type, String name) {
    try {
      return (String) type.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " has no " + name, e);
    }
  }

  /** The string constants of a nested class ({@code Tasks}, ...) or of the class itself. */
  static Set<String> constants(Class<?> type, String nested) {
    return fields(type, nested).map(VocabularyConsistencyTest::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<String> constants(Class<?> type) {
    return constants(type, null);
  }

  private static Set<String> withoutCodeOnly(Class<?> type, String nested) {
    return fields(type, nested).filter(field -> !field.isAnnotationPresent(CodeOnly.class))
        .map(VocabularyConsistencyTest::value).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Stream<Field> fields(Class<?> type, String nested) {
    Class<?> holder = nested == null ? type : Arrays.stream(type.getClasses())
        .filter(c -> c.getSimpleName().equals(nested)).findFirst().orElse(null);
    if (holder == null) {
      return Stream.empty();
    }
    return Arrays.stream(holder.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class);
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The names of the platform's beans that are named like their classes, as Spring derives them:
   * components by their annotation or class name, {@code @Bean} methods by the name given or the
   * method name.
   */
  private static Set<String> beanNames() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> names = new TreeSet<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("de.kkb")) {
      try {
        Class<?> type = Class.forName(definition.getBeanClassName());
        String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry);
        if (name.equals(Introspector.decapitalize(type.getSimpleName()))) {
          names.add(name);
        }
        for (Method method : type.getDeclaredMethods()) {
          Bean bean = method.getAnnotation(Bean.class);
          String beanName = bean == null ? null : bean.value().length > 0 ? bean.value()[0] : method.getName();
          if (beanName != null && beanName.equals(Introspector.decapitalize(method.getReturnType().getSimpleName()))) {
            names.add(beanName);
          }
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }
}
