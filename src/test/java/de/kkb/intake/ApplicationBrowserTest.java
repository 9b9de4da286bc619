package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import de.kkb.support.Browser;
import de.kkb.support.BrowserPageTest;
import de.kkb.support.EngineTime;
import de.kkb.support.PlatformTest;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application page in a real browser: a person fills the form, submits, keeps the access token,
 * reloads the confirmation, clicks twice; axe-core finds no WCAG 2.1 A/AA violation on the empty
 * form, the form with errors and the confirmation. Skipped without chromium ({@link Browser}).
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class ApplicationBrowserTest extends BrowserPageTest {

  @LocalServerPort
  int port;
  @Autowired
  HistoryService historyService;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  long requestsStarted() {
    return IntakeApiTest.requestsStarted(historyService);
  }

  /** Types into the fields the way a person does: label by label, a choice in the list, a radio button. */
  void fillInLikeAPerson(String ags) {
    Map<String, String> form = ApplicationPageTest.validForm();
    type("Name der Kommune *", form.get("municipalityName"));
    new Select(driver().findElement(By.id("municipalityKind"))).selectByVisibleText("Gemeinde");
    type("Amtlicher Gemeindeschlüssel (AGS) *", ags);
    type("Einwohnerzahl *", "12000");
    type("Name *", form.get("contactName"));
    type("Funktion *", form.get("contactRole"));
    type("E-Mail-Adresse *", form.get("contactEmail"));
    driver().findElement(By.cssSelector("label[for=commissionedByAdministrationHead]")).click();
    type("Beschreibung der Konfliktlage *", form.get("conflictDescription"));
    // Day and month alike, so the date is the same whatever order the browser's locale types in.
    type("Gewünschter Beginn *", "11112023");
  }

  /** The field a label names, found by the label's text, as a person finds it. */
  void type(String label, String text) {
    WebElement labelElement = driver().findElements(By.tagName("label")).stream()
        .filter(candidate -> candidate.getText().strip().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no label " + label));
    WebElement field = driver().findElement(By.id(labelElement.getAttribute("for")));
    field.clear();
    field.sendKeys(text);
  }

  void waitForConfirmation() {
    waiting().until(d -> d.getCurrentUrl().endsWith("/beratung-anfragen/bestaetigung")
        && !d.findElements(By.id("reference")).isEmpty());
  }

  @Test
  void theEmptyFormAndTheFormWithErrorsHaveNoAccessibilityViolations() {
    driver().get(url("/beratung-anfragen"));
    assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    assertThat(browser.accessibilityViolations()).as("empty form").isEmpty();

    long before = requestsStarted();
    driver().findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(driver().switchTo().activeElement().getAttribute("id"))
        .as("the list of errors has the focus").isEqualTo("error-summary");
    // The first link of the list leads to its field and focuses it.
    driver().findElement(By.cssSelector("#error-summary a")).click();
    assertThat(driver().switchTo().activeElement().getAttribute("id")).isEqualTo("municipalityName");
    assertThat(browser.accessibilityViolations()).as("form with errors").isEmpty();
    assertThat(requestsStarted()).isEqualTo(before);
  }

  @Test
  void theAccessibilityCheckFindsAFieldWithoutLabel() {
    driver().get(url("/beratung-anfragen"));
    browser.script("var input = document.createElement('input'); input.type = 'text';"
        + "document.querySelector('main').appendChild(input);");
    assertThat(browser.accessibilityViolations()).as("the check itself works")
        .anySatisfy(violation -> assertThat(violation).startsWith("label "));
  }

  @Test
  void aPersonAppliesKeepsTheTokenAndAReloadSubmitsNothing() {
    long before = requestsStarted();
    driver().get(url("/beratung-anfragen"));
    fillInLikeAPerson(IntakeApiTest.nextNrwAgs());
    driver().findElement(By.cssSelector("button[type=submit]")).click();
    waitForConfirmation();

    String reference = driver().findElement(By.id("reference")).getText();
    assertThat(reference).matches("KKB-2023-\\d{3}");
    assertThat(driver().findElement(By.id("status")).getText()).isEqualTo("in Prüfung");
    String token = driver().findElement(By.id("accessToken")).getText();
    assertThat(token).isNotBlank();
    assertThat(driver().findElement(By.tagName("main")).getText())
        .contains("er wird nur einmal angezeigt");
    assertThat(requestsStarted()).isEqualTo(before + 1);
    assertThat(browser.accessibilityViolations()).as("confirmation").isEmpty();

    driver().navigate().refresh();
    waitForConfirmation();
    assertThat(driver().findElement(By.id("reference")).getText()).isEqualTo(reference);
    assertThat(driver().findElements(By.id("accessToken"))).isEmpty();
    assertThat(driver().findElement(By.id("tokenShown")).getText()).contains("bereits angezeigt");
    assertThat(driver().getPageSource()).doesNotContain(token);
    assertThat(requestsStarted()).as("a reload submits nothing").isEqualTo(before + 1);
    assertThat(browser.accessibilityViolations()).as("confirmation after reload").isEmpty();
  }

  @Test
  void aDoubleClickStartsOneRequest() {
    long before = requestsStarted();
    driver().get(url("/beratung-anfragen"));
    fillInLikeAPerson(IntakeApiTest.nextNrwAgs());
    new Actions(driver()).doubleClick(driver().findElement(By.cssSelector("button[type=submit]"))).perform();
    waitForConfirmation();
    assertThat(driver().findElement(By.id("accessToken")).getText()).isNotBlank();
    assertThat(requestsStarted()).isEqualTo(before + 1);
  }

  @Test
  void withoutThePageScriptTheServerStillStartsOneRequestForTwoSubmissions() {
    long before = requestsStarted();
    driver().get(url("/beratung-anfragen"));
    fillInLikeAPerson(IntakeApiTest.nextNrwAgs());
    // form.submit() bypasses the script's submit handler: two POSTs with the same form token.
    browser.script("var form = document.querySelector('form[data-submit-once]');"
        + "HTMLFormElement.prototype.submit.call(form); HTMLFormElement.prototype.submit.call(form);");
    waitForConfirmation();
    assertThat(driver().findElement(By.id("reference")).getText()).matches("KKB-2023-\\d{3}");
    assertThat(requestsStarted()).isEqualTo(before + 1);
  }
}
