package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.EngineTime;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed input to the public intake, from programs (JSON API) and people (the page): every
 * refusal names the field in German, and none starts a process.
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class IntakeMalformedInputTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String API = "/api/consultation-requests";
  static final String PAGE = "/beratung-anfragen";
  static final String CHARACTERS = "Steuer- oder Sonderzeichen";

  @LocalServerPort
  int port;
  @Autowired
  HistoryService historyService;
  @Autowired
  RuntimeService runtimeService;

  long requestsStarted() {
    return IntakeApiTest.requestsStarted(historyService);
  }

  // --- JSON API -------------------------------------------------------------------------------

  /** A valid request as JSON text, the value of {@code field} replaced by {@code raw} JSON text. */
  static String json(String field, String raw) {
    Map<String, Object> valid = new TreeMap<>(IntakeApiTest.validRequest());
    StringJoiner members = new StringJoiner(", ", "{", "}");
    valid.forEach((name, value) -> members.add(quote(name) + ": "
        + (name.equals(field) ? raw : write(value))));
    if (field != null && !valid.containsKey(field)) {
      members.add(quote(field) + ": " + raw);
    }
    return members.toString();
  }

  /** A valid request with one more member (raw JSON text) at the end. */
  static String jsonWithMember(String member) {
    String valid = json(null, null);
    return valid.substring(0, valid.length() - 1) + ", " + member + "}";
  }

  static String text(String value) {
    return write(value);
  }

  static String quote(String name) {
    return write(name);
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String description(String insert) {
    return "Seit dem Umbau des Marktplatzes streiten Verwaltung, Händler und Anwohnende;" + insert
        + " Ratssitzungen eskalieren.";
  }

  /** name, JSON body, field named in errors, a word of its German message. */
  static Stream<Arguments> malformedJson() {
    return Stream.of(
        // Wrong JSON types: no coercion.
        Arguments.of("population as a string", json("population", "\"52000\""), "population", "ganze Zahl"),
        Arguments.of("population as an empty string", json("population", "\"\""), "population", "ganze Zahl"),
        Arguments.of("population as a float with .0", json("population", "52000.0"), "population", "ganze Zahl"),
        Arguments.of("population as a fraction", json("population", "52000.5"), "population", "ganze Zahl"),
        Arguments.of("population in exponent notation", json("population", "5.2e4"), "population", "ganze Zahl"),
        Arguments.of("population beyond int", json("population", "99999999999"), "population", "ganze Zahl"),
        Arguments.of("population as a boolean", json("population", "true"), "population", "ganze Zahl"),
        Arguments.of("population in an array", json("population", "[52000]"), "population", "ganze Zahl"),
        Arguments.of("population as an empty array", json("population", "[]"), "population", "ganze Zahl"),
        Arguments.of("population as an object", json("population", "{\"value\": 52000}"), "population",
            "ganze Zahl"),
        Arguments.of("municipalityName as a number", json("municipalityName", "12345"), "municipalityName",
            "Text"),
        Arguments.of("municipalityName as a boolean", json("municipalityName", "false"), "municipalityName",
            "Text"),
        Arguments.of("municipalityName in an array", json("municipalityName", "[\"Musterstadt\"]"),
            "municipalityName", "Text"),
        Arguments.of("municipalityName as an object", json("municipalityName", "{\"de\": \"Musterstadt\"}"),
            "municipalityName", "Text"),
        Arguments.of("ags as a number", json("ags", "5315000"), "ags", "Text"),
        Arguments.of("contactPhone as a float", json("contactPhone", "221.5"), "contactPhone", "Text"),
        Arguments.of("desiredStart as a number", json("desiredStart", "20270301"), "desiredStart", "JJJJ-MM-TT"),
        Arguments.of("desiredStart as an array", json("desiredStart", "[2023, 10, 1]"), "desiredStart",
            "JJJJ-MM-TT"),
        Arguments.of("desiredStart that does not exist", json("desiredStart", "\"2023-02-30\""), "desiredStart",
            "JJJJ-MM-TT"),
        Arguments.of("desiredStart as an empty string", json("desiredStart", "\"\""), "desiredStart",
            "JJJJ-MM-TT"),
        Arguments.of("desiredStart with a time", json("desiredStart", "\"2023-10-01T00:00\""), "desiredStart",
            "JJJJ-MM-TT"),
        Arguments.of("commissioned as 1", json("commissionedByAdministrationHead", "1"),
            "commissionedByAdministrationHead", "true oder false"),
        Arguments.of("commissioned as 0", json("commissionedByAdministrationHead", "0"),
            "commissionedByAdministrationHead", "true oder false"),
        Arguments.of("commissioned as the string true", json("commissionedByAdministrationHead", "\"true\""),
            "commissionedByAdministrationHead", "true oder false"),
        Arguments.of("commissioned in an array", json("commissionedByAdministrationHead", "[true]"),
            "commissionedByAdministrationHead", "true oder false"),
        // Structure: keys given twice, keys nobody asked for, content after the object.
        Arguments.of("municipalityName twice", jsonWithMember("\"municipalityName\": \"Andere Stadt\""),
            "municipalityName", "doppelt"),
        Arguments.of("population twice", jsonWithMember("\"population\": 1"), "population", "doppelt"),
        Arguments.of("an unknown field", jsonWithMember("\"municipality\": \"Musterstadt\""), "municipality",
            "Unbekanntes Feld"),
        Arguments.of("a status sent along", jsonWithMember("\"status\": \"ausgewählt\""), "status",
            "Unbekanntes Feld"),
        Arguments.of("a second object after the first", json(null, null) + " {}", "$", "weiterer Inhalt"),
        Arguments.of("a number after the object", json(null, null) + "\n42", "$", "weiterer Inhalt"),
        Arguments.of("an array instead of an object", "[" + json(null, null) + "]", "$", "JSON-Objekt"),
        Arguments.of("a string instead of an object", "\"Musterstadt\"", "$", "JSON-Objekt"),
        Arguments.of("an empty body", "", "$", "JSON-Objekt"),
        // Control, bidirectional and invisible characters.
        Arguments.of("NUL, escaped", json("municipalityName", "\"Muster\\u0000stadt\""), "municipalityName",
            CHARACTERS),
        Arguments.of("NUL, raw", json("municipalityName", "\"Muster\u0000stadt\""), "municipalityName",
            CHARACTERS),
        Arguments.of("ESC in a multi-line field", json("previousAttempts", text("Versammlung \u001B[31m")),
            "previousAttempts", CHARACTERS),
        Arguments.of("DEL", json("contactRole", text("Hauptamt\u007F")), "contactRole", CHARACTERS),
        Arguments.of("C1 NEL in a multi-line field", json("conflictDescription", text(description("\u0085"))),
            "conflictDescription", CHARACTERS),
        Arguments.of("LF in a one-line field", json("contactName", text("Maria\nMuster")), "contactName",
            CHARACTERS),
        Arguments.of("CR in a one-line field", json("contactEmail", text("buero@musterstadt.example.org\r")),
            "contactEmail", CHARACTERS),
        Arguments.of("TAB in a one-line field", json("contactRole", text("Büro\tder Bürgermeisterin")),
            "contactRole", CHARACTERS),
        Arguments.of("right-to-left override", json("municipalityName", text("Muster\u202Etdats")),
            "municipalityName", CHARACTERS),
        Arguments.of("first strong isolate", json("contactName", text("Maria \u2068Muster\u2069")),
            "contactName", CHARACTERS),
        Arguments.of("left-to-right mark in a multi-line field",
            json("partiesInvolved", text("Verwaltung\u200E, Händlerverein")), "partiesInvolved", CHARACTERS),
        Arguments.of("Arabic letter mark", json("municipalityName", text("Musterstadt\u061C")),
            "municipalityName", CHARACTERS),
        Arguments.of("zero width space", json("municipalityName", text("Muster\u200Bstadt")),
            "municipalityName", CHARACTERS),
        Arguments.of("byte order mark", json("contactName", text("\uFEFFMaria Muster")), "contactName",
            CHARACTERS),
        Arguments.of("word joiner", json("ags", text("05315000\u2060")), "ags", CHARACTERS),
        Arguments.of("soft hyphen", json("contactPhone", text("0221\u00AD12345")), "contactPhone", CHARACTERS),
        Arguments.of("Mongolian vowel separator", json("municipalityKind", text("STADT\u180E")),
            "municipalityKind", CHARACTERS),
        Arguments.of("an unpaired surrogate", json("conflictDescription",
            "\"" + description("\\ud800") + "\""), "conflictDescription", CHARACTERS),
        // Names without anything visible.
        Arguments.of("a name of no-break spaces", json("municipalityName", text("\u00A0\u00A0\u00A0")),
            "municipalityName", "Namen der Kommune"),
        Arguments.of("a name of ideographic and em spaces", json("contactName", text("\u3000\u2003")),
            "contactName", "Namen der Ansprechperson"),
        Arguments.of("a name of a zero width space only", json("contactName", text("\u200B")), "contactName",
            CHARACTERS),
        Arguments.of("a name of a tab only", json("municipalityName", text("\t")), "municipalityName",
            CHARACTERS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedJson")
  void malformedJsonIsRefusedWithTheFieldNamedInGerman(String name, String body, String field, String word) {
    long before = requestsStarted();
    HttpResponse<String> response = new HttpSession(port).post(API, "application/json",
        body.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertProblem(response);
    JsonNode errors = readTree(response.body()).path("errors");
    assertThat(errors.fieldNames()).toIterable().as(response.body()).containsExactly(field);
    assertThat(errors.path(field).asText()).contains(word);
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void anythingButJsonIs415AndTooLargeIs413() {
    long before = requestsStarted();
    HttpResponse<String> plain = new HttpSession(port).post(API, "text/plain",
        json(null, null).getBytes(StandardCharsets.UTF_8));
    assertThat(plain.statusCode()).isEqualTo(415);
    assertProblem(plain);
    assertThat(readTree(plain.body()).path("detail").asText()).contains("als JSON");

    HttpResponse<String> large = new HttpSession(port).post(API, "application/json",
        json("previousAttempts", text("x".repeat(66 * 1024))).getBytes(StandardCharsets.UTF_8));
    assertThat(large.statusCode()).isEqualTo(413);
    assertProblem(large);
    assertThat(readTree(large.body()).path("detail").asText()).contains("höchstens 64 KiB");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  /** method, path, a method the answer's Allow header names. */
  static Stream<Arguments> unsupportedMethods() {
    return Stream.of(
        Arguments.of("PUT", API, "POST"),
        Arguments.of("DELETE", API, "POST"),
        Arguments.of("PATCH", API, "POST"),
        Arguments.of("PUT", API + "/KKB-2023-001", "GET"),
        Arguments.of("DELETE", API + "/KKB-2023-001", "GET"),
        Arguments.of("DELETE", PAGE, "POST"),
        Arguments.of("PUT", PAGE, "GET"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unsupportedMethods")
  void unsupportedMethodsAre405InGermanWithAllow(String method, String path, String allowed) {
    long before = requestsStarted();
    HttpResponse<String> response = new HttpSession(port).request(method, path, "application/json",
        json(null, null).getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(405);
    assertProblem(response);
    JsonNode problem = readTree(response.body());
    assertThat(problem.path("title").asText()).isEqualTo("Methode nicht erlaubt");
    assertThat(problem.path("detail").asText()).contains("Die Methode " + method + " ist hier nicht erlaubt");
    assertThat(response.headers().allValues("Allow").stream()
        .flatMap(value -> Stream.of(value.split(",\\s*"))).toList()).contains(allowed).doesNotContain(method);
    assertThat(requestsStarted()).isEqualTo(before);
  }

  /** Paths of others (the actuator) keep Spring's own answer: still 405, not the platform's problem. */
  @Test
  void methodsOnOtherPathsKeepSpringsAnswer() {
    HttpResponse<String> response = new HttpSession(port).request("DELETE", "/actuator/health", null, null);
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).doesNotContain("Methode nicht erlaubt");
  }

  // --- The page -------------------------------------------------------------------------------

  /** The page's valid form as a list of name/value pairs (a name may come twice). */
  static List<String[]> validForm() {
    List<String[]> form = new ArrayList<>();
    ApplicationPageTest.validForm().forEach((name, value) -> form.add(new String[] {name, value}));
    return form;
  }

  static List<String[]> form(String field, String value) {
    List<String[]> form = validForm();
    form.forEach(pair -> {
      if (pair[0].equals(field)) {
        pair[1] = value;
      }
    });
    return form;
  }

  static List<String[]> formWithAnother(String field, String value) {
    List<String[]> form = validForm();
    form.add(new String[] {field, value});
    return form;
  }

  /** name, form, field the message stands next to, a word of the German message. */
  static Stream<Arguments> malformedForms() {
    String description = "Im Ortsteil Nord gibt es seit der Schließung des Jugendzentrums Streit zwischen"
        + " Jugendlichen, Anwohnenden und Ortspolitik.";
    return Stream.of(
        Arguments.of("population=abc", form("population", "abc"), "population", "ganze Zahl"),
        Arguments.of("population with a German thousands dot", form("population", "12.000"), "population",
            "ganze Zahl"),
        Arguments.of("population in hex", form("population", "0x2EE0"), "population", "ganze Zahl"),
        Arguments.of("population with a fraction", form("population", "12000,5"), "population", "ganze Zahl"),
        Arguments.of("population beyond int", form("population", "99999999999"), "population", "ganze Zahl"),
        Arguments.of("population with spaces", form("population", " 12000 "), "population", "ganze Zahl"),
        Arguments.of("desiredStart=morgen", form("desiredStart", "morgen"), "desiredStart", "JJJJ-MM-TT"),
        Arguments.of("desiredStart in German notation", form("desiredStart", "01.11.2023"), "desiredStart",
            "JJJJ-MM-TT"),
        Arguments.of("desiredStart that does not exist", form("desiredStart", "2023-02-30"), "desiredStart",
            "JJJJ-MM-TT"),
        Arguments.of("commissioned=vielleicht", form("commissionedByAdministrationHead", "vielleicht"),
            "commissionedByAdministrationHead", "Ja oder Nein"),
        Arguments.of("commissioned=1", form("commissionedByAdministrationHead", "1"),
            "commissionedByAdministrationHead", "Ja oder Nein"),
        Arguments.of("population twice", formWithAnother("population", "13000"), "population", "doppelt"),
        Arguments.of("municipalityName twice", formWithAnother("municipalityName", "Anderswo"),
            "municipalityName", "doppelt"),
        Arguments.of("NUL in a name", form("municipalityName", "Beispiel\u0000hausen"), "municipalityName",
            CHARACTERS),
        Arguments.of("LF in a one-line field", form("contactName", "Jonas\nBeispiel"), "contactName",
            CHARACTERS),
        Arguments.of("CR LF in a one-line field", form("contactRole", "Haupt\r\namt"), "contactRole",
            CHARACTERS),
        Arguments.of("TAB in a one-line field", form("contactEmail", "hauptamt@beispielhausen.example.org\t"),
            "contactEmail", CHARACTERS),
        Arguments.of("BEL in a multi-line field", form("conflictDescription", description + "\u0007"),
            "conflictDescription", CHARACTERS),
        Arguments.of("right-to-left override", form("municipalityName", "Beispiel\u202Enesuah"),
            "municipalityName", CHARACTERS),
        Arguments.of("right-to-left isolate in a multi-line field",
            form("previousAttempts", "Runder Tisch \u2067im Mai\u2069"), "previousAttempts", CHARACTERS),
        Arguments.of("zero width joiner", form("ags", "0500\u200D0123"), "ags", CHARACTERS),
        Arguments.of("a name of no-break spaces", form("contactName", "\u00A0\u00A0"), "contactName",
            "Namen der Ansprechperson"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedForms")
  void malformedFormsShowTheGermanMessageNextToTheField(String name, List<String[]> form, String field,
      String word) {
    long before = requestsStarted();
    HttpResponse<String> page = postForm(form);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("#" + field + "-error").text()).contains(word);
    assertThat(html.select("[aria-describedby~=(^| )" + field + "-error( |$)]")).isNotEmpty();
    assertThat(html.select(".error")).as("only this field is wrong").hasSize(1);
    assertThat(html.select("[role=alert] li a").eachAttr("href")).containsExactly("#" + field);
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void aValueThatIsNoNumberDoesNotHideTheOtherMessages() {
    long before = requestsStarted();
    List<String[]> form = form("population", "abc");
    form.forEach(pair -> {
      if (pair[0].equals("ags")) {
        pair[1] = "123";
      }
      if (pair[0].equals("desiredStart")) {
        pair[1] = "morgen";
      }
    });
    HttpResponse<String> page = postForm(form);

    assertThat(page.statusCode()).isEqualTo(400);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("#population-error").text()).isEqualTo("Bitte eine ganze Zahl angeben.");
    assertThat(html.select("#population").attr("aria-invalid")).isEqualTo("true");
    assertThat(html.select("#desiredStart-error").text()).isEqualTo("Bitte ein Datum im Format JJJJ-MM-TT angeben.");
    assertThat(html.select("#ags-error").text()).isEqualTo("Der Amtliche Gemeindeschlüssel hat genau 8 Ziffern.");
    assertThat(html.select("[role=alert] li a").eachAttr("href"))
        .containsExactly("#ags", "#population", "#desiredStart");
    assertThat(html.select("#municipalityName").val()).as("what could be read comes back")
        .isEqualTo("Beispielhausen");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  HttpResponse<String> postForm(List<String[]> form) {
    return new HttpSession(port).post(PAGE, "application/x-www-form-urlencoded", encode(form));
  }

  static byte[] encode(List<String[]> form) {
    return form.stream()
        .map(pair -> URLEncoder.encode(pair[0], StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(pair[1], StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
  }

  // --- What stays allowed -----------------------------------------------------------------------

  static final String DESCRIPTION = "Seit der Schließung des Jugendzentrums gibt es Streit.\n"
      + "Beteiligt sind Jugendliche, Anwohnende und die Ortspolitik – „so geht’s nicht weiter“.\n\n"
      + "Größere Versammlungen endeten im Frühjahr ohne Ergebnis.";

  @Test
  void umlautsApostrophesHyphensAndLineBreaksAreAcceptedByTheApi() throws Exception {
    long before = requestsStarted();
    Map<String, Object> request = IntakeApiTest.validRequest();
    request.put("municipalityName", "Mülheim an der Ruhr");
    request.put("contactName", "Hans-Jürgen O'Brien-Weiß");
    request.put("contactRole", "Büro der Oberbürgermeisterin");
    request.put("conflictDescription", DESCRIPTION);
    request.put("partiesInvolved", "Verwaltung\n\tJugendhilfe\r\nOrtspolitik");
    HttpResponse<String> created = new HttpSession(port).postJson(API, JSON.writeValueAsString(request));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(requestsStarted()).isEqualTo(before + 1);
    String instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(readTree(created.body()).path("reference").asText()).singleResult().getId();
    assertThat(runtimeService.getVariable(instance, "contactName")).isEqualTo("Hans-Jürgen O'Brien-Weiß");
    assertThat(runtimeService.getVariable(instance, "conflictDescription")).isEqualTo(DESCRIPTION);
  }

  @Test
  void umlautsApostrophesHyphensAndLineBreaksAreAcceptedOnThePage() {
    long before = requestsStarted();
    List<String[]> form = form("municipalityName", "Castrop-Rauxel");
    form.forEach(pair -> {
      switch (pair[0]) {
        case "contactName" -> pair[1] = "Anne-Marie D'Souza-Groß";
        case "conflictDescription" -> pair[1] = DESCRIPTION.replace("\n", "\r\n"); // as browsers send it
        case "previousAttempts" -> pair[1] = "Gespräche mit dem Jugendamt,\r\nein runder Tisch.";
        default -> { }
      }
    });
    HttpSession browser = new HttpSession(port);
    HttpResponse<String> page = browser.post(PAGE, "application/x-www-form-urlencoded", encode(form));

    assertThat(page.statusCode()).as(page.body()).isEqualTo(303);
    HttpResponse<String> confirmation = browser.get("/beratung-anfragen/bestaetigung");
    assertThat(Jsoup.parse(confirmation.body()).select("#reference").text()).matches("KKB-2023-\\d{3}");
    assertThat(requestsStarted()).isEqualTo(before + 1);
  }

  static void assertProblem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(body, e);
    }
  }
}
