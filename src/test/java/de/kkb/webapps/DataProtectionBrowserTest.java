package de.kkb.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import de.kkb.dataprotection.ContactJourney;
import de.kkb.support.BrowserPageTest;
import de.kkb.support.EngineTime;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Datenschutz: Auskunft und Löschung" in a real browser, as an admin logged into Cockpit: the access
 * request for a contact, the erasure with a reason and a confirmation (by keyboard), and the refusal
 * for a selected request within its retention period. Every step is checked with axe-core against
 * WCAG 2.1 A/AA; screenshots under {@code target/screenshots/DataProtectionBrowserTest/}.
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class DataProtectionBrowserTest extends BrowserPageTest {

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  RuntimeService runtime;
  @Autowired
  JdbcTemplate jdbc;
  final List<String> references = new ArrayList<>();

  @Test
  void anAdminLooksUpAndErasesAContactAndIsToldWhyASelectedRequestStays() throws Exception {
    ContactJourney journey = new ContactJourney(context, port);
    ContactJourney.Contact contact = new ContactJourney.Contact("Margarete Browserling",
        "m.browserling@seitenstadt.example.org", "+49 201 888-3030", "Bürgerbüro");
    ContactJourney.Request request = journey.submit(contact, "05999303", "Seitenstadt");
    references.add(request.reference());
    journey.runJobs();
    journey.documentsHandedIn(request, contact, "ratsbeschluss-seitenstadt.pdf");
    ContactJourney.Request selected = journey.submit(new ContactJourney.Contact("Bleibt Bestehen",
        "b.bestehen@foerderstadt.example.org", "+49 201 888-4040", "Kämmerei"), "05999304", "Förderstadt");
    references.add(selected.reference());
    journey.runJobs();
    journey.documentsHandedIn(selected, new ContactJourney.Contact("Bleibt Bestehen",
        "b.bestehen@foerderstadt.example.org", "+49 201 888-4040", "Kämmerei"), "beschluss-foerderstadt.pdf");
    journey.selectedAndAgreed(selected, new ContactJourney.Contact("Bleibt Bestehen",
        "b.bestehen@foerderstadt.example.org", "+49 201 888-4040", "Kämmerei"));

    Webapps webapps = new Webapps(driver(), port, "DataProtectionBrowserTest");
    webapps.login("cockpit", "demo", "Demo Administration");
    driver().get(webapps.url("/programmsteuerung/datenschutz"));
    waiting().until(d -> !d.findElements(By.id("suche")).isEmpty());
    assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Datenschutz: Auskunft und Löschung");
    assertThat(browser.accessibilityViolations()).as("form").isEmpty();
    webapps.screenshot("form");

    // Keyboard only: type the address, Enter sends the form.
    driver().findElement(By.id("suche")).sendKeys(contact.email(), Keys.ENTER);
    waiting().until(d -> !d.findElements(By.id("auskunft")).isEmpty());
    String report = driver().findElement(By.tagName("main")).getText();
    assertThat(report).contains("Vorgänge und Prozessvariablen", contact.name(), contact.phone(),
        "ratsbeschluss-seitenstadt.pdf", "Anfrageregister", request.reference());
    assertThat(browser.accessibilityViolations()).as("report").isEmpty();
    webapps.screenshot("report");

    driver().findElement(By.id("grund")).sendKeys("Antrag auf Löschung nach Art. 17 DSGVO vom 03.07.2023");
    driver().findElement(By.xpath("//button[text()='Löschung prüfen']")).click();
    waiting().until(d -> !d.findElements(By.id("bestaetigen")).isEmpty());
    assertThat(browser.accessibilityViolations()).as("confirmation").isEmpty();
    webapps.screenshot("confirm");
    driver().findElement(By.id("bestaetigt")).sendKeys(Keys.SPACE);
    assertThat(driver().findElement(By.id("bestaetigt")).isSelected()).isTrue();
    driver().findElement(By.xpath("//button[text()='Endgültig löschen']")).click();
    waiting().until(d -> !d.findElements(By.id("done")).isEmpty());
    assertThat(driver().findElement(By.id("done")).getText()).contains("Prozessvariablen", "Benachrichtigungen");
    assertThat(browser.accessibilityViolations()).as("erased").isEmpty();
    webapps.screenshot("erased");
    String instance = journey.task(request).getProcessInstanceId();
    assertThat(runtime.getVariable(instance, ConsultationRequestProcess.Variables.CONTACT_NAME)).isEqualTo("gelöscht");

    // A selected request, by reference: refused with the reason, no confirmation.
    driver().findElement(By.id("suche")).sendKeys(selected.reference(), Keys.ENTER);
    waiting().until(d -> !d.findElements(By.id("grund")).isEmpty());
    driver().findElement(By.id("grund")).sendKeys("Die Kommune bittet um Löschung der Anfrage.");
    driver().findElement(By.xpath("//button[text()='Löschung prüfen']")).click();
    waiting().until(d -> !d.findElements(By.id("problem")).isEmpty());
    assertThat(driver().findElement(By.id("problem")).getText()).contains("Aufbewahrungsfrist am 31.12.2030");
    assertThat(driver().findElements(By.id("bestaetigt"))).isEmpty();
    assertThat(browser.accessibilityViolations()).as("refusal").isEmpty();
    webapps.screenshot("refused");
    assertThat(journey.running(selected)).isEqualTo(2);
  }

  /** The shared context's round has four places: this test's selection gives its place back. */
  @AfterEach
  void givePlacesBack() {
    for (String reference : references) {
      // The request's instance only: deleting it deletes the consultation it called.
      runtime.deleteProcessInstancesIfExists(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey(ConsultationRequestProcess.KEY).list().stream().map(i -> i.getId()).toList(),
          "Ende des Tests", true, true, false);
      jdbc.update("DELETE FROM kkb_place WHERE reference = ?", reference);
      jdbc.update("UPDATE kkb_request SET open_ags = NULL WHERE reference = ?", reference);
    }
  }
}
