package de.kkb.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kkb.identity.KkbGroups;
import de.kkb.platform.EngineClock;
import de.kkb.reporting.ProgrammeReport;
import de.kkb.support.Browser;
import de.kkb.support.BrowserPageTest;
import de.kkb.support.EngineTime;
import de.kkb.support.PlatformTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Programme management's section on Cockpit's dashboard in a real browser: it lists every
 * municipality with a consultation as the programme report does, a row's link opens that
 * consultation in Cockpit, and the timeline opens from Cockpit without a second login. Screenshots
 * of each step under {@code target/screenshots/CockpitBrowserTest/}. Skipped without chromium
 * ({@link Browser}).
 */
@PlatformTest
@EngineTime("2024-02-01T09:00")
class CockpitBrowserTest extends BrowserPageTest {

  private static final DateTimeFormatter GERMAN_DATE =
      DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(EngineClock.BERLIN);

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ProgrammeReport report;

  Webapps webapps;
  String k3bReference = "KKB-2024-951";
  String k3b;
  String forumZfd;

  @BeforeEach
  void seed() {
    webapps = new Webapps(driver(), port, getClass().getSimpleName());
    k3b = Webapps.startConsultation(runtimeService, k3bReference, "Cockpitstadt", KkbGroups.CONSULTANTS_K3B);
    forumZfd = Webapps.startConsultation(runtimeService, "KKB-2024-952", "Übersichtsdorf",
        KkbGroups.CONSULTANTS_FORUMZFD);
  }

  @AfterEach
  void cleanUp() {
    runtimeService.deleteProcessInstance(k3b, "test cleanup");
    runtimeService.deleteProcessInstance(forumZfd, "test cleanup");
  }

  @Test
  void theDashboardListsEveryMunicipalityAndLeadsToItsConsultationAndToTheTimeline() {
    webapps.login("cockpit", "steuerung", "Sabine Steuer");
    webapps.waitForTexts("Kommunen der Programmrunde", "Cockpitstadt", "Übersichtsdorf");
    WebElement table = driver().findElement(By.id("kkb-kommunen"));
    driver().findElement(By.id("kkb-programmsteuerung")).getLocation(); // rendered
    browser.script("arguments[0].scrollIntoView()", table);
    webapps.screenshot("dashboard-kommunen");

    // Accessible markup: a caption, column headers and one row header per municipality.
    assertThat(table.findElement(By.tagName("caption")).getText()).startsWith("Kommunen der Programmrunde");
    assertThat(table.findElements(By.cssSelector("thead th[scope=col]")).stream().map(WebElement::getText))
        .containsExactly("Aktenzeichen", "Kommune", "Träger", "Phase", "Überfällige Aufgaben", "Nächste Frist");

    // Every consultation of the report, with the report's figures; dates as in Germany.
    Map<String, List<String>> shown = new LinkedHashMap<>();
    for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
      List<String> cells = row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
      shown.put(row.getAttribute("data-reference"), cells);
    }
    Map<String, List<String>> reported = new LinkedHashMap<>();
    for (ProgrammeReport.Row row : report.rows()) {
      reported.put(row.reference(), List.of(row.ended() ? row.reference() + " (abgeschlossen)" : row.reference(),
          row.municipalityName(), row.carrier(), row.ended() ? "abgeschlossen" : row.phase(),
          String.valueOf(row.overdueTasks()),
          row.nextDeadline() == null ? "–" : GERMAN_DATE.format(row.nextDeadline().toInstant())));
    }
    assertThat(shown).isEqualTo(reported);
    assertThat(shown.get(k3bReference)).containsExactly(k3bReference, "Cockpitstadt", "K3B", "Auftragsklärung",
        "0", "22.02.2024");
    assertThat(webapps.migrationBannerVisible()).isFalse();

    // A row's link opens its consultation in Cockpit.
    table.findElement(By.cssSelector("tr[data-reference='" + k3bReference + "'] th a")).click();
    webapps.waiting().until(d -> d.getCurrentUrl().contains("#/process-instance/" + k3b + "/runtime"));
    String instance = webapps.waitForTexts("Instanz-ID:", k3b, "Fachlicher Schlüssel:", k3bReference);
    assertThat(instance).contains("Kommunale Konfliktberatung");
    webapps.screenshot("konsultation-in-cockpit");

    // The timeline opens from Cockpit, in the same tab, without a second login.
    driver().navigate().back();
    webapps.waitForTexts("Kommunen der Programmrunde", "Cockpitstadt");
    webapps.screenshot("dashboard-zurueck");
    String cockpitTab = driver().getWindowHandle();
    driver().findElement(By.id("kkb-zeitleiste")).click();
    webapps.waiting().until(d -> d.getCurrentUrl().endsWith("/programmsteuerung/zeitleiste"));
    String timeline = webapps.waitForTexts("Zeitleiste der Programmrunde", "Cockpitstadt (K3B)",
        "Übersichtsdorf (forumZFD)");
    webapps.screenshot("zeitleiste");
    assertThat(driver().getWindowHandles()).containsExactly(cockpitTab);
    assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Zeitleiste der Programmrunde");
    assertThat(driver().findElements(By.cssSelector("input[type=password]"))).isEmpty();
    assertThat(timeline).doesNotContain("Anmelden", "401", "403");
  }
}
