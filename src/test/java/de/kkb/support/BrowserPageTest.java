package de.kkb.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page test in a real browser: one {@link Browser} per test class, started for its first test
 * (each test is skipped, or fails where the browser is required, on its own without one) and closed
 * after the last.
 */
@Tag("browser")
public abstract class BrowserPageTest {

  protected static Browser browser;

  @BeforeEach
  void startBrowser() {
    if (browser == null) {
      browser = Browser.start();
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  protected WebDriver driver() {
    return browser.driver();
  }

  protected WebDriverWait waiting() {
    return new WebDriverWait(driver(), Duration.ofSeconds(30));
  }
}
