package de.kkb.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real browser for the tests tagged {@code browser}: Debian's chromium, headless, driven through
 * Debian's chromedriver with Selenium, and axe-core to check pages against WCAG 2.1 A and AA.
 *
 * <p>Nothing is downloaded at test time: the browser and the driver are the installed ones
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; other paths with the system properties
 * {@code kkb.browser.chromium} and {@code kkb.browser.chromedriver}), so Selenium Manager is never
 * asked. Without them the tests are skipped with a message, unless the system property
 * {@code kkb.browser.required} is true (the browser profile, {@code -Pbrowser}, sets it): then they
 * fail, so that CI never passes without its browser suite.
 */
public final class Browser implements AutoCloseable {

  /** The WCAG 2.1 levels A and AA, as axe-core tags its rules. */
  public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(Browser.class);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a fresh headless chromium with an empty profile; skips (or fails, see above) without one. */
  public static Browser start() {
    Path chromium = Path.of(System.getProperty("kkb.browser.chromium", "/usr/bin/chromium"));
    Path chromedriver = Path.of(System.getProperty("kkb.browser.chromedriver", "/usr/bin/chromedriver"));
    List<String> missing = new ArrayList<>();
    for (Path program : List.of(chromium, chromedriver)) {
      if (!Files.isExecutable(program)) {
        missing.add(program.toString());
      }
    }
    if (!missing.isEmpty()) {
      String message = "Browser tests need chromium and chromedriver, not found: " + String.join(", ", missing)
          + " (Debian: apt-get install -y chromium chromium-driver)";
      if (Boolean.getBoolean("kkb.browser.required")) {
        Assertions.fail(message + "; kkb.browser.required is set, so the browser suite must run");
      }
      LOG.warn("{}; the browser tests are skipped", message);
      Assumptions.abort(message + "; skipped");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("kkb-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", "--disable-extensions", "--lang=de-DE", "--window-size=1280,1024",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60))
        .scriptTimeout(Duration.ofSeconds(60));
    return new Browser(driver, profile);
  }

  public WebDriver driver() {
    return driver;
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /**
   * The WCAG 2.1 A and AA violations axe-core finds on the page as it is now, one line each (rule,
   * impact, help, the elements); empty when there are none.
   */
  public List<String> accessibilityViolations() {
    script(axeSource());
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            + ".then(function (r) { done(JSON.stringify(r.violations)); },"
            + " function (e) { done('axe failed: ' + e); });", WCAG_21_AA);
    String json = String.valueOf(result);
    if (json.startsWith("axe failed")) {
      throw new IllegalStateException(json);
    }
    List<String> violations = new ArrayList<>();
    try {
      for (JsonNode violation : JSON.readTree(json)) {
        List<String> targets = new ArrayList<>();
        violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()
            + " " + node.path("failureSummary").asText().replace('\n', ' ')));
        violations.add(violation.path("id").asText() + " (" + violation.path("impact").asText() + "): "
            + violation.path("help").asText() + " " + targets);
      }
    } catch (IOException e) {
      throw new IllegalStateException(json, e);
    }
    return violations;
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a temporary directory; the next run does not need it
      }
    }
  }

  /**
   * Writes the browser window as it is now to {@code <folder>/NN-<step>.png}, numbered in the order
   * of the steps, for people to look at; returns the file.
   */
  public static Path screenshot(WebDriver driver, Path folder, int number, String step) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(String.format("%02d-%s.png", number, step));
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
