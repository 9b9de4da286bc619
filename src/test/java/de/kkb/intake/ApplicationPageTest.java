package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import de.kkb.support.ApplicationForms;
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
    Map<String, String> form = ApplicationForms.filledIn(IntakeApiTest.nextNrwAgs(), "2023-11-01");
    // Markup in free text: the escaping tests look for it, shown as text.
    form.put("conflictDescription", form.get("conflictDescription") + " <b>Dringend</b>");
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
    for (Element input : html.select("input:not([type=hidden]), select, textarea")) {
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
    assertThat(html.select("script:not([src=/js/kkb-pages.js])")).as("no script but the page's own").isEmpty();
    assertThat(html.select("#municipalityName").val()).isEqualTo("Beispielhausen");
    assertThat(requestsStarted()).isEqualTo(before);
  }

  /** The form's one-time token, as the page hands it out in this session. */
  static String formToken(HttpSession browser) {
    HttpResponse<String> page = browser.get("/beratung-anfragen");
    assertThat(page.statusCode()).isEqualTo(200);
    String token = Jsoup.parse(page.body()).select("input[name=formToken]").val();
    assertThat(token).isNotBlank();
    return token;
  }

  /** Submits the form as a browser does: the page first, then the POST, then the confirmation. */
  static Document submit(HttpSession browser, Map<String, String> form) {
    Map<String, String> sent = new LinkedHashMap<>(form);
    sent.put("formToken", formToken(browser));
    HttpResponse<String> answer = browser.postForm("/beratung-anfragen", sent);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/beratung-anfragen/bestaetigung"));
    return confirmation(browser);
  }

  static Document confirmation(HttpSession browser) {
    HttpResponse<String> page = browser.get("/beratung-anfragen/bestaetigung");
    assertThat(page.statusCode()).isEqualTo(200);
    return Jsoup.parse(page.body());
  }

  @Test
  void aValidSubmissionRedirectsToTheConfirmationWithReferenceStatusAndTheAccessTokenOnce() {
    long before = requestsStarted();
    HttpSession browser = new HttpSession(port);
    Document html = submit(browser, validForm());
    String reference = html.select("#reference").text();
    assertThat(reference).matches("KKB-2023-\\d{3}");
    assertThat(html.select("#status").text()).isEqualTo("in Prüfung");
    assertThat(html.select("#outcome").hasClass("success")).isTrue();
    assertThat(html.select("#reason")).isEmpty();
    String token = html.select("#accessToken").text();
    assertThat(token).isNotBlank();
    assertThat(html.text()).contains("Bitte notieren oder ausdrucken Sie den Zugangsschlüssel jetzt – er wird nur einmal angezeigt.");
    assertThat(html.select("a#statusPage").attr("href")).isEqualTo("/beratung-anfragen/stand");
    assertThat(requestsStarted()).isEqualTo(before + 1);

    HttpResponse<String> status = browser.get("/api/consultation-requests/" + reference,
        "X-Access-Token", token);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("in Prüfung");

    // A reload shows the request again, without its token, and submits nothing.
    HttpResponse<String> reload = browser.get("/beratung-anfragen/bestaetigung");
    assertThat(reload.headers().firstValue("Cache-Control")).hasValueSatisfying(
        cache -> assertThat(cache).contains("no-store"));
    Document again = Jsoup.parse(reload.body());
    assertThat(again.select("#reference").text()).isEqualTo(reference);
    assertThat(again.select("#accessToken")).isEmpty();
    assertThat(again.select("#tokenShown").text()).contains("bereits angezeigt");
    assertThat(reload.body()).doesNotContain(token);
    assertThat(requestsStarted()).isEqualTo(before + 1);
  }

  @Test
  void theSameFormSentTwiceStartsOneRequestAndLeadsToItsConfirmation() {
    long before = requestsStarted();
    HttpSession browser = new HttpSession(port);
    Map<String, String> form = validForm();
    form.put("formToken", formToken(browser));
    assertThat(browser.postForm("/beratung-anfragen", form).statusCode()).isEqualTo(303);
    String reference = confirmation(browser).select("#reference").text();

    HttpResponse<String> second = browser.postForm("/beratung-anfragen", form);
    assertThat(second.statusCode()).as("no second request, no 409 either").isEqualTo(303);
    Document html = confirmation(browser);
    assertThat(html.select("#reference").text()).isEqualTo(reference);
    assertThat(html.select("#accessToken")).as("shown once").isEmpty();
    assertThat(requestsStarted()).isEqualTo(before + 1);
  }

  @Test
  void aDoubleClickSendsTwoPostsAtOnceAndStartsOneRequest() throws Exception {
    long before = requestsStarted();
    HttpSession browser = new HttpSession(port);
    Map<String, String> form = validForm();
    form.put("formToken", formToken(browser));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> browser.postForm("/beratung-anfragen", form).statusCode());
      var second = pool.submit(() -> browser.postForm("/beratung-anfragen", form).statusCode());
      assertThat(first.get()).isEqualTo(303);
      assertThat(second.get()).isEqualTo(303);
    } finally {
      pool.shutdown();
    }
    assertThat(requestsStarted()).isEqualTo(before + 1);
    assertThat(confirmation(browser).select("#accessToken").text()).isNotBlank();
  }

  @Test
  void aRequestThatIsNotEligibleShowsTheReasonInANeutralBox() {
    Map<String, String> form = validForm();
    form.put("ags", "09162000"); // München: not in North Rhine-Westphalia
    Document html = submit(new HttpSession(port), form);
    assertThat(html.select("#status").text()).isEqualTo("nicht ausgewählt");
    assertThat(html.select("#outcome").hasClass("success")).as("no green box").isFalse();
    assertThat(html.select("#outcome").hasClass("notice")).isTrue();
    assertThat(html.select("#reason").text()).contains("nicht in Nordrhein-Westfalen");
    assertThat(html.select("#accessToken").text()).isNotBlank();
  }

  @Test
  void theConfirmationWithoutARequestInTheSessionLeadsToTheForm() {
    HttpResponse<String> page = new HttpSession(port).get("/beratung-anfragen/bestaetigung");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/beratung-anfragen"));
  }

  @Test
  void aSecondRequestOfTheSameMunicipalityIsExplainedOnThePage() {
    Map<String, String> form = validForm();
    submit(new HttpSession(port), form);
    HttpResponse<String> again = new HttpSession(port).postForm("/beratung-anfragen", form);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(again.body()).select("[role=alert]").text())
        .contains("bereits eine offene Beratungsanfrage");
  }
}
