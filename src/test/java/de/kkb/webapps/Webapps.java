package de.kkb.webapps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import de.kkb.support.Browser;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the webapp browser tests share: logging in to a Camunda webapp the way a person does, the
 * visible text of the page, screenshots of each step under {@code target/screenshots/<test>/} for
 * people to look at, and consultations to look at.
 */
final class Webapps {

  static final String PASSWORD = "demo";

  /** The steps of each test class so far: screenshots are numbered across its test methods. */
  private static final Map<String, AtomicInteger> STEPS = new ConcurrentHashMap<>();

  private final WebDriver driver;
  private final int port;
  private final Path screenshots;
  private final AtomicInteger step;

  /** {@code test}: the test class's name, the folder of its screenshots (emptied on its first use). */
  Webapps(WebDriver driver, int port, String test) {
    this.driver = driver;
    this.port = port;
    this.screenshots = Path.of("target", "screenshots", test);
    this.step = STEPS.computeIfAbsent(test, name -> {
      emptyFolder(screenshots);
      return new AtomicInteger();
    });
  }

  private static void emptyFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Opens the login page of a webapp ("tasklist", "cockpit", "admin", "welcome") without a session. */
  void openLoginPage(String app) {
    // The session goes (cookies are the current site's), then a blank page: the app loads afresh.
    driver.manage().deleteAllCookies();
    driver.get("about:blank");
    driver.get(url("/camunda/app/" + app + "/default/#/login"));
    waiting().ignoring(StaleElementReferenceException.class)
        .until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty()
        && d.findElement(By.cssSelector("input[type=password]")).isDisplayed()
        && text().contains("Anmelden"));
  }

  /** Logs in on the webapp's own login page and waits until the header shows the user's full name. */
  void login(String app, String user, String fullName) {
    openLoginPage(app);
    // The login form may be drawn a second time while the app starts: type into the one shown.
    waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement name = d.findElement(By.cssSelector("input[type=text]"));
      WebElement password = d.findElement(By.cssSelector("input[type=password]"));
      name.clear();
      name.sendKeys(user);
      password.clear();
      password.sendKeys(PASSWORD);
      d.findElement(By.cssSelector("button[type=submit]")).click();
      return true;
    });
    waiting().ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("input[type=password]")).stream()
        .noneMatch(WebElement::isDisplayed) && text().contains(fullName));
  }

  /** The text a person sees on the page. */
  String text() {
    return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.innerText;"));
  }

  /** Waits until the page shows every one of the texts, and returns the page's text. */
  String waitForTexts(String... texts) {
    try {
      waiting().withMessage(() -> "the page shows " + List.of(texts) + "; it shows: " + text())
          .ignoring(StaleElementReferenceException.class)
          .until(d -> List.of(texts).stream().allMatch(text()::contains));
    } catch (TimeoutException e) {
      screenshot("fehlt-" + texts[0].replaceAll("[^A-Za-z0-9]+", "-"));
      throw e;
    }
    return text();
  }

  /** Camunda 7 CE's red banner "It is time to migrate to Camunda 8" is nowhere to be seen. */
  boolean migrationBannerVisible() {
    return driver.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed)
        || text().contains("Camunda 8");
  }

  /** A PNG of the browser window as it is now, numbered in the order of the steps. */
  Path screenshot(String name) {
    return Browser.screenshot(driver, screenshots, step.incrementAndGet(), name);
  }

  /** Starts a consultation the way the request process does; returns the process instance id. */
  static String startConsultation(RuntimeService runtimeService, String reference, String municipality,
      String carrierGroup) {
    return runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference", reference,
        "municipalityName", municipality, "carrierGroup", carrierGroup, "consultantTeam", "Team Browser"))
        .getId();
  }
}
