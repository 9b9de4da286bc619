package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import de.kkb.support.EngineTime;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.camunda.bpm.engine.HistoryService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page /beratung-anfragen as a browser gets it: rendered HTML, messages next to the fields. */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class ApplicationPageTest {

  @LocalServerPort
  int port;
  @Autowired
  HistoryService historyService;

  static Map<String, String> validForm() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("municipalityName", "Beispielhausen");
    form.put("municipalityKind", "GEMEINDE");
    form.put("ags", IntakeApiTest.nextNrwAgs());
    form.put("population", "12000");
    form.put("contactName", "Jonas Beispiel");
    form.put("contactRole", "Hauptamt");
    form.put("contactEmail", "hauptamt@beispielhausen.example.org");
    form.put("contactPhone", "");
    form.put("commissionedByAdministrationHead", "true");
    form.put("conflictDescription", "Im Ortsteil Nord gibt es seit der Schließung des Jugendzentrums "
        + "Streit zwischen Jugendlichen, Anwohnenden und Ortspolitik. <b>Dringend</b>");
    form.put("previousAttempts", "");
    form.put("partiesInvolved", "");
    form.put("desiredStart", "2023-11-01");
    return form;
  }

  long requestsStarted() {
    return IntakeApiTest.requestsStarted(historyService);
  }

  @Test
  void theEmptyPageIsGermanAndEveryFieldHasALabel() {
    HttpResponse<String> page = new HttpSession(port).get("/beratung-anfragen");
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("html").attr("lang")).isEqualTo("de");
    assertThat(html.select("h1").text()).isEqualTo("Beratung anfragen");
    for (Element input : html.select("input:not([type=radio]), select, textarea")) {
      assertThat(html.select("label[for=" + input.id() + "]")).as("label for " + input.id()).hasSize(1);
    }
    assertThat(html.select(".error")).isEmpty();
  }

  @Test
  void invalidInputShowsTheGermanMessagesNextToTheFieldsAndStartsNothing() {
    long before = requestsStarted();
    Map<String, String> form = validForm();
    form.put("ags", "123");
    form.put("contactEmail", "keine-adresse");
    form.put("conflictDescription", "Zu kurz <script>alert(1)</script>");
    form.remove("commissionedByAdministrationHead");
    HttpResponse<String> page = new HttpSession(port).postForm("/beratung-anfragen", form);

    assertThat(page.statusCode()).isEqualTo(400);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("#ags-error").text()).isEqualTo("Der Amtliche Gemeindeschlüssel hat genau 8 Ziffern.");
    assertThat(html.select("#ags").attr("aria-invalid")).isEqualTo("true");
    assertThat(html.select("#ags").attr("aria-describedby")).contains("ags-error");
    assertThat(html.select("#contactEmail-error").text()).contains("gültige E-Mail-Adresse");
    assertThat(html.select("#conflictDescription-error").text()).contains("50 bis 5.000");
    assertThat(html.select("#commissionedByAdministrationHead-error").text()).contains("Verwaltungsspitze");
    assertThat(html.select("#municipalityName-error")).isEmpty();
    assertThat(html.select("[role=alert] li")).hasSize(4);
    assertThat(html.select(".error")).as("one message per field").hasSize(4);
    assertThat(html.select("[role=alert] li a").eachAttr("href"))
        .containsExactly("#ags", "#contactEmail", "#commissionedByAdministrationHead", "#conflictDescription");
    // What was typed comes back as text, never as markup.
    assertThat(html.select("#conflictDescription").text()).isEqualTo("Zu kurz <script>alert(1)</script>");
    assertThat(html.select("script")).isEmpty();
    assertThat(html.select("#municipalityName").val()).isEqualTo("Beispielhausen");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void aValidSubmissionShowsTheReferenceAndTheAccessToken() {
    long before = requestsStarted();
    HttpSession browser = new HttpSession(port);
    HttpResponse<String> page = browser.postForm("/beratung-anfragen", validForm());
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    String reference = html.select("#reference").text();
    assertThat(reference).matches("KKB-2023-\\d{3}");
    assertThat(html.select("#status").text()).isEqualTo("in Prüfung");
    String token = html.select("#accessToken").text();
    assertThat(requestsStarted()).isEqualTo(before + 1);

    HttpResponse<String> status = browser.get("/api/consultation-requests/" + reference,
        "X-Access-Token", token);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("in Prüfung");
  }

  @Test
  void aSecondRequestOfTheSameMunicipalityIsExplainedOnThePage() {
    Map<String, String> form = validForm();
    assertThat(new HttpSession(port).postForm("/beratung-anfragen", form).statusCode()).isEqualTo(200);
    HttpResponse<String> again = new HttpSession(port).postForm("/beratung-anfragen", form);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(again.body()).select("[role=alert]").text())
        .contains("bereits eine offene Beratungsanfrage");
  }
}
