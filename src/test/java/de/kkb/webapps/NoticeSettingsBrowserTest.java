package de.kkb.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import de.kkb.notification.DigestPreference;
import de.kkb.notification.NoticePreferences;
import de.kkb.support.BrowserPageTest;
import de.kkb.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A consultant logged into Tasklist opens "Benachrichtigungen" without a second login, chooses
 * "sofort" and saves; the page is German and has no WCAG 2.1 A/AA violation (axe-core). Screenshots
 * under {@code target/screenshots/NoticeSettingsBrowserTest/}.
 */
@PlatformTest
class NoticeSettingsBrowserTest extends BrowserPageTest {

  @LocalServerPort
  int port;
  @Autowired
  NoticePreferences preferences;

  @AfterEach
  void back() {
    preferences.set("fzfd-david", DigestPreference.DAILY);
  }

  @Test
  void aConsultantChoosesEachTaskAtOnce() {
    Webapps webapps = new Webapps(driver(), port, "NoticeSettingsBrowserTest");
    webapps.login("tasklist", "fzfd-david", "David Falk");
    driver().get(webapps.url("/mein-konto/benachrichtigungen"));
    waiting().until(d -> !d.findElements(By.cssSelector("input[name=benachrichtigung]")).isEmpty());
    assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Benachrichtigungen");
    assertThat(driver().findElement(By.cssSelector("input[value='täglich']")).isSelected()).as("the default").isTrue();
    assertThat(browser.accessibilityViolations()).as("settings page").isEmpty();
    webapps.screenshot("settings");

    driver().findElement(By.cssSelector("label[for=choice-1]")).click();
    driver().findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(d -> !d.findElements(By.id("done")).isEmpty());
    assertThat(driver().findElement(By.id("done")).getText()).startsWith("Gespeichert: sofort");
    assertThat(driver().findElement(By.cssSelector("input[value='sofort']")).isSelected()).isTrue();
    assertThat(browser.accessibilityViolations()).as("after saving").isEmpty();
    webapps.screenshot("saved");
    assertThat(preferences.of("fzfd-david")).isEqualTo(DigestPreference.IMMEDIATE);
  }
}
