package de.kkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import de.kkb.support.Browser;
import de.kkb.support.BrowserPageTest;
import de.kkb.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The error page in Chromium, as a person meets it after a mistyped or outdated link: German, with
 * its status, a way back that works from the keyboard, and no WCAG 2.1 A/AA violation (axe-core).
 */
@PlatformTest
class ErrorPageBrowserTest extends BrowserPageTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots", "error-page");

  @LocalServerPort
  int port;

  @Test
  void aMistypedAddressShowsTheGermanPageAndLeadsBackToTheStartPage() {
    driver().get("http://localhost:" + port + "/beratung-anfragen/stnad");
    assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    assertThat(driver().getTitle()).isEqualTo("Seite nicht gefunden – Kommunale Konfliktberatung NRW");
    assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Seite nicht gefunden");
    assertThat(driver().findElement(By.id("error")).getText()).contains("Die aufgerufene Adresse gibt es nicht");
    assertThat(browser.accessibilityViolations()).isEmpty();
    Browser.screenshot(driver(), SCREENSHOTS, 1, "seite-nicht-gefunden");

    // From the keyboard: the first link is the programme's name, the second the way back.
    driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
    driver().switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(driver().switchTo().activeElement().getText()).isEqualTo("Zur Startseite");
    driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    waiting().until(d -> d.getCurrentUrl().equals("http://localhost:" + port + "/"));
    Browser.screenshot(driver(), SCREENSHOTS, 2, "startseite");
  }
}
