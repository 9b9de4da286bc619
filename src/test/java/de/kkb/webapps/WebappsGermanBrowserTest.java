package de.kkb.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.kkb.identity.KkbGroups;
import de.kkb.support.Browser;
import de.kkb.support.BrowserPageTest;
import de.kkb.support.EngineTime;
import de.kkb.support.PlatformTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit, Admin and Welcome speak German in a real browser: their login pages, and what
 * each kind of user sees after logging in (programme management, a consultant of each carrier, the
 * admin), the dates and the date picker; Camunda's red migration banner is hidden. Screenshots of
 * each step under {@code target/screenshots/WebappsGermanBrowserTest/}. Skipped without chromium
 * ({@link Browser}).
 */
@PlatformTest
@EngineTime("2024-02-01T09:00")
class WebappsGermanBrowserTest extends BrowserPageTest {

  /** German month names, as the date picker and the long dates show them. */
  static final String GERMAN_MONTH =
      "(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)";

  private static int seeded;

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  Webapps webapps;
  String k3b;
  String forumZfd;

  @BeforeEach
  void seed() {
    webapps = new Webapps(driver(), port, getClass().getSimpleName());
    seeded++;
    k3b = Webapps.startConsultation(runtimeService, String.format("KKB-2024-%03d", 900 + 2 * seeded),
        "Sprachstadt", KkbGroups.CONSULTANTS_K3B);
    forumZfd = Webapps.startConsultation(runtimeService, String.format("KKB-2024-%03d", 901 + 2 * seeded),
        "Wortdorf", KkbGroups.CONSULTANTS_FORUMZFD);
  }

  @AfterEach
  void cleanUp() {
    runtimeService.deleteProcessInstance(k3b, "test cleanup");
    runtimeService.deleteProcessInstance(forumZfd, "test cleanup");
  }

  @Test
  void theLoginPagesOfAllFourWebappsAreGerman() {
    for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
      webapps.openLoginPage(app);
      String page = webapps.waitForTexts("Anmelden", "Datum und Uhrzeit werden", "Angetrieben durch");
      webapps.screenshot("anmeldung-" + app);
      assertThat(driver().findElement(By.cssSelector("input[type=text]")).getAttribute("placeholder"))
          .as(app).isEqualTo("Benutzername");
      assertThat(driver().findElement(By.cssSelector("input[type=password]")).getAttribute("placeholder"))
          .as(app).isEqualTo("Passwort");
      assertThat(page).as(app).doesNotContain("Sign in", "Username", "Password", "Powered by");
      assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).as(app).isEqualTo("de");
      assertThat(webapps.migrationBannerVisible()).as(app + ": migration banner").isFalse();
    }
    webapps.openLoginPage("welcome");
    assertThat(webapps.text()).contains("Startseite").doesNotContain("Welcome");
  }

  @Test
  void tasklistIsGermanForProgrammeManagementAndTheConsultantsOfBothCarriers() {
    webapps.login("tasklist", "steuerung", "Sabine Steuer");
    webapps.waitForTexts("Meine Aufgaben", "Gruppenaufgaben", "Überfällig", "Alle Aufgaben", "Prozess starten",
        "Wählen Sie eine Aufgabe aus der Liste.");
    assertThat(webapps.migrationBannerVisible()).isFalse();
    webapps.screenshot("tasklist-steuerung");
    assertThat(webapps.text()).doesNotContain("My Tasks", "Start process", "Select a task");

    for (String[] consultant : new String[][] {{"k3b-anna", "Anna Kramer", k3b}, {"fzfd-clara", "Clara Fischer",
        forumZfd}}) {
      webapps.login("tasklist", consultant[0], consultant[1]);
      webapps.waitForTexts("Meine Aufgaben", "Gruppenaufgaben", "Überfällig");
      String task = taskService.createTaskQuery().processInstanceId(consultant[2]).singleResult().getId();
      driver().get(webapps.url("/camunda/app/tasklist/default/#/?task=" + task));
      String page = webapps.waitForTexts("Erstgespräch mit der Verwaltungsspitze führen", "Formular", "Historie",
          "Diagramm", "Beschreibung", "Diese Aufgabe übernehmen", "Abschließen");
      // Follow-up and due date relative to now, in German ("vor 2 Jahren", "in 3 Tagen").
      assertThat(driver().findElement(By.cssSelector(".followup-date")).getText()).matches("(vor|in) .+");
      assertThat(page).as(consultant[0]).doesNotContain("Claim", "Complete", "History", "Description", " ago");
      assertThat(webapps.migrationBannerVisible()).isFalse();
      webapps.screenshot("tasklist-" + consultant[0] + "-aufgabe");
    }

    // The date picker names months and weekdays in German (kkb/deutsch.js).
    driver().findElement(By.cssSelector(".followup-date span[am-time-ago]")).click();
    WebElement datepicker = webapps.waiting().until(d -> d.findElements(By.cssSelector("[uib-datepicker]")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    String picker = datepicker.getText();
    webapps.screenshot("tasklist-datumsauswahl");
    assertThat(picker).containsPattern(GERMAN_MONTH + " \\d{4}").contains("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So");
    assertThat(picker).doesNotContainPattern("January|February|March|May|June|July|October|December|Mon|Tue");
  }

  @Test
  void cockpitAdminAndWelcomeAreGermanAfterLogin() {
    webapps.login("cockpit", "steuerung", "Sabine Steuer");
    webapps.waitForTexts("Prozesse", "Entscheidungen", "Laufende Prozessinstanzen", "Offene Zwischenfälle",
        "Kommunen der Programmrunde");
    assertThat(webapps.migrationBannerVisible()).isFalse();
    webapps.screenshot("cockpit-dashboard");
    assertThat(webapps.text()).doesNotContain("Processes", "Decisions", "Running Process Instances");

    // A process instance's view: German labels.
    driver().get(webapps.url("/camunda/app/cockpit/default/#/process-instance/" + k3b + "/runtime"));
    String instance = webapps.waitForTexts("Instanz-ID:", "Fachlicher Schlüssel:", "Version der Definition:");
    webapps.screenshot("cockpit-instanz");
    assertThat(instance).doesNotContain("Instance ID", "Business Key");

    webapps.login("admin", "demo", "Demo Administration");
    webapps.waitForTexts("Benutzer", "Gruppen", "Autorisierungen", "System");
    assertThat(webapps.migrationBannerVisible()).isFalse();
    webapps.screenshot("admin-dashboard");
    assertThat(webapps.text()).doesNotContain("Users", "Groups", "Authorizations");
    driver().get(webapps.url("/camunda/app/admin/default/#/users"));
    webapps.waitForTexts("Liste der Benutzer", "Benutzer hinzufügen", "Vorname", "Nachname", "Sabine");
    webapps.screenshot("admin-benutzer");

    webapps.login("welcome", "k3b-anna", "Anna Kramer");
    webapps.waitForTexts("Anwendungen", "Aufgabenliste", "Profil", "Benutzergruppen", "Passwort ändern");
    assertThat(webapps.migrationBannerVisible()).isFalse();
    webapps.screenshot("startseite-k3b-anna");
    assertThat(webapps.text()).doesNotContain("Applications", "Profile");
  }
}
