package de.kkb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a person uses it, in a real browser: log in and out, pick a filter, open a
 * task by its id, fill a Camunda Form (form-js) field by its id in the form file
 * ({@code Field_Reference}), complete it, start a process from "Start process" by its name.
 *
 * <p>Selectors are the ones of Tasklist's own templates (Angular attributes such as
 * {@code ng-click="complete()"}, classes such as {@code button.claim}) and form-js' element ids,
 * never the labels of Tasklist's buttons: they change with the webapps' language, these do not.
 * Texts the test reads (filter names, process names, form labels, refusals) are the platform's own.
 */
public final class TasklistPage {

  private static final By USERNAME = By.cssSelector("input[ng-model=username]");
  private static final By PASSWORD = By.cssSelector("input[ng-model=password]");
  private static final By FILTERS = By.cssSelector(".task-filters .task-filter");
  private static final By COMPLETE = By.cssSelector(".task-details [cam-tasklist-form] button[ng-click='complete()']");
  private static final By MODAL = By.cssSelector(".modal-dialog");
  private static final By START = By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']");

  private final WebDriver driver;
  private final String base;
  private final Path screenshots;
  private final AtomicInteger shots;
  private String searched;

  /**
   * @param shots numbers the screenshots across the test class, {@code 01-…}, {@code 02-…}
   */
  public TasklistPage(WebDriver driver, int port, Path screenshots, AtomicInteger shots) {
    this.driver = driver;
    this.base = "http://localhost:" + port + "/camunda/app/tasklist/";
    this.screenshots = screenshots;
    this.shots = shots;
  }

  public WebDriverWait waiting() {
    return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30))
        .pollingEvery(Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class);
  }

  /** Writes the page as it is now to {@code NN-step.png}; returns the file. */
  public Path screenshot(String step) {
    return Browser.screenshot(driver, screenshots, shots.incrementAndGet(), step);
  }

  /** Saves the page source next to the screenshots, for a look at the real DOM. */
  public Path pageSource(String name) {
    try {
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(name + ".html");
      Files.writeString(file, driver.getPageSource());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- session --------------------------------------------------------------------------------

  /** Opens Tasklist with no session left over and logs in; waits for the user's filters. */
  public void login(String user, String password) {
    driver.manage().deleteAllCookies();
    driver.get(base);
    // Nothing of the last user's session: Tasklist keeps searches and layout in the browser's storage.
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    searched = null;
    driver.navigate().refresh();
    // Typed before Angular has compiled the form, the text would be lost: wait for its classes.
    By compiled = By.cssSelector("form[name=signinForm] input[ng-model=username].ng-untouched");
    try {
      waiting().until(d -> !d.findElements(compiled).isEmpty() && d.findElement(compiled).isDisplayed());
    } catch (TimeoutException stillLoading) {
      // Seen twice in CI under load: Tasklist's page stays on its loading spinner (its scripts
      // never ran). A person reloads; so does the test, once, and keeps the evidence.
      screenshot("tasklist-stuck-loading");
      pageSource("tasklist-stuck-loading");
      driver.navigate().refresh();
      waiting().until(d -> !d.findElements(compiled).isEmpty() && d.findElement(compiled).isDisplayed());
    }
    fill(USERNAME, user);
    fill(PASSWORD, password);
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    waiting().until(d -> {
      if (!d.findElements(FILTERS).isEmpty()) {
        return true;
      }
      String notice = notifications();
      if (!notice.isBlank() && d.findElements(USERNAME).stream().anyMatch(WebElement::isDisplayed)) {
        throw new IllegalStateException("login of " + user + " failed: " + notice);
      }
      return false;
    });
  }

  private void fill(By input, String text) {
    waiting().until(d -> {
      WebElement element = d.findElement(input);
      element.clear();
      element.sendKeys(text);
      return text.equals(element.getAttribute("value"));
    });
  }

  /** Logs out through the account menu and waits for the login form. */
  public void logout() {
    closeModalIfOpen();
    driver.findElement(By.cssSelector("li.account .dropdown-toggle")).click();
    waiting().until(d -> d.findElement(By.cssSelector("li.account li.logout a")).isDisplayed());
    driver.findElement(By.cssSelector("li.account li.logout a")).click();
    waiting().until(d -> !d.findElements(USERNAME).isEmpty() && d.findElement(USERNAME).isDisplayed());
  }

  // --- filters and the list -------------------------------------------------------------------

  /** Selects the filter whose name (the platform's, e.g. "Meine Aufgaben") the list shows. */
  public void filter(String name) {
    waiting().until(d -> {
      for (WebElement filter : d.findElements(FILTERS)) {
        WebElement link = filter.findElement(By.cssSelector("h4.name a"));
        if (link.getText().strip().startsWith(name)) {
          link.click();
          return true;
        }
      }
      return false;
    });
    waiting().until(d -> d.findElements(FILTERS).stream().anyMatch(filter ->
        filter.getAttribute("class").contains("active")
            && filter.findElement(By.cssSelector("h4.name a")).getText().strip().startsWith(name)));
  }

  /**
   * Narrows the current filter's list to one consultation by searching for its reference (the
   * business key), as the list's search field does, so that its rows are on the first page however
   * many other tasks there are. The search stays until the next login.
   */
  public void searchReference(String reference) {
    searched = reference;
    String url = driver.getCurrentUrl().replaceAll("&?searchQuery=[^&]*", "");
    String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
        + reference + "\",\"name\":\"\"}]";
    driver.get(url + (url.contains("?") ? "&" : "?") + "searchQuery="
        + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
    waiting().until(d -> d.findElements(By.cssSelector("[cam-widget-search-pill]")).stream()
        .anyMatch(pill -> pill.getText().contains(reference)));
  }

  /** The names of the filters the user has, in the order Tasklist lists them. */
  public List<String> filterNames() {
    return driver.findElements(By.cssSelector(".task-filters .task-filter h4.name a")).stream()
        .map(a -> a.getText().replaceAll("\\s*\\d+$", "").strip()).toList();
  }

  private static By row(String taskId) {
    return By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
        + "[.//h4[contains(@class,'task')]/a[contains(@href,'task=" + taskId + "')]]");
  }

  /**
   * The row of the task in the current filter's list, once it is there; the list is reloaded by
   * selecting the filter again while waiting, as a person would.
   */
  public WebElement row(String filter, String taskId) {
    long[] reloadAfter = {System.nanoTime() + Duration.ofSeconds(3).toNanos()};
    return waiting().until(d -> {
      List<WebElement> rows = d.findElements(row(taskId));
      if (!rows.isEmpty()) {
        return rows.get(0);
      }
      if (System.nanoTime() > reloadAfter[0]) {
        reloadAfter[0] = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        filter(filter);
        if (searched != null) {
          searchReference(searched);
        }
      }
      return null;
    });
  }

  /** The variables the row shows (the filter's columns), e.g. "Kommune: Teststadt", as text. */
  public String rowVariables(WebElement row) {
    return row.findElement(By.cssSelector("[cam-tasklist-variables]")).getText().strip();
  }

  /** Opens the task from its row and waits until its Camunda Form is rendered. */
  public void open(String filter, String taskId) {
    WebElement row = row(filter, taskId);
    row.findElement(By.cssSelector("h4.task a")).click();
    waiting().until(d -> d.getCurrentUrl().contains("task=" + taskId));
    waiting().until(d -> !d.findElements(By.cssSelector(".task-details .fjs-form")).isEmpty()
        && d.findElements(By.cssSelector(".task-details .loader")).stream().noneMatch(WebElement::isDisplayed));
  }

  /** Tasklist's claim button in the open task (shown only while the task has no assignee). */
  public List<WebElement> claimButtons() {
    return driver.findElements(By.cssSelector(".task-details button.claim"));
  }

  /** The assignee's name as the open task's header shows it. */
  public String assigneeShown() {
    return driver.findElement(By.cssSelector(".task-details [cam-tasklist-task-meta] li.assignee")).getText().strip();
  }

  /** Whether Tasklist shows the open task's form read-only (as it does for tasks one must claim). */
  public boolean formDisabled() {
    return !driver.findElements(By.cssSelector(".task-details [cam-tasklist-form] .disabled-form")).isEmpty()
        || !driver.findElement(COMPLETE).isEnabled();
  }

  /** Clicks the open task's complete button and waits until Tasklist has closed the task. */
  public void complete(String taskId) {
    click(COMPLETE);
    waiting().until(d -> !d.getCurrentUrl().contains("task=" + taskId));
  }

  /**
   * Clicks a button once it is enabled, scrolled to the middle of its pane: Tasklist's notices
   * ("task completed") lie over the bottom of the page for a few seconds.
   */
  private void click(By button) {
    waiting().ignoring(ElementClickInterceptedException.class).until(d -> {
      WebElement element = d.findElement(button);
      if (!element.isEnabled()) {
        return false;
      }
      show(element);
      element.click();
      return true;
    });
  }

  // --- form-js fields ---------------------------------------------------------------------------

  /** The form-js element of a field, by the field's id in the form file (e.g. Field_Reference). */
  public WebElement field(String fieldId) {
    return waiting().until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(".fjs-form [id$='-" + fieldId + "']"));
      return found.isEmpty() ? null : found.get(0);
    });
  }

  /** The whole form-js field (label, input, description, errors) around an element of it. */
  public WebElement fieldContainer(String fieldId) {
    return field(fieldId).findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field ')][1]"));
  }

  /**
   * Types the text into a form-js text field, number field or text area, and waits until the field
   * has kept it for a moment: form-js may render the field again with its previous value while it
   * takes the input, which would drop the text.
   */
  public void type(String fieldId, String text) {
    int[] kept = {0};
    waiting().until(d -> {
      WebElement input = field(fieldId);
      String value = input.getAttribute("value");
      if (!text.equals(value)) {
        kept[0] = 0;
        if (value != null && !value.isEmpty()) {
          input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        }
        input.sendKeys(text);
        return false;
      }
      return ++kept[0] >= 5;
    });
  }

  /**
   * Types a date into a form-js date field as its placeholder asks ({@code mm/dd/yyyy}) and leaves
   * the field, so that the date picker takes the value.
   */
  public void date(String fieldId, int year, int month, int day) {
    WebElement input = field(fieldId + "-date");
    input.click();
    input.sendKeys(String.format("%02d/%02d/%04d", month, day, year));
    input.sendKeys(Keys.ENTER);
    input.sendKeys(Keys.TAB);
  }

  /** Chooses the option with that label in a form-js select. */
  public void select(String fieldId, String label) {
    WebElement container = fieldContainer(fieldId);
    // Focus alone opens the list (e.g. when the field before was left with Tab); a click would close it.
    if (container.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
      field(fieldId + "-display").click();
    }
    WebElement option = waiting().until(d -> container.findElements(By.cssSelector(".fjs-dropdownlist-item"))
        .stream().filter(item -> item.getText().strip().equals(label)).findFirst().orElse(null));
    option.click();
    waiting().until(d -> field(fieldId + "-display").getText().strip().equals(label));
  }

  /** Chooses the option with that label in a form-js radio group. */
  public void radio(String fieldId, String label) {
    WebElement group = driver.findElement(By.cssSelector(".fjs-form [id*='-" + fieldId + "-']"))
        .findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field-radio')][1]"));
    WebElement choice = group.findElements(By.cssSelector("label")).stream()
        .filter(l -> l.getText().strip().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no option " + label + " in " + group.getText()));
    choice.click();
  }

  /** The form-js text view (Markdown, rendered) that contains the text. */
  public WebElement textView(String containing) {
    return waiting().until(d -> d.findElements(By.cssSelector(".fjs-form .fjs-form-field-text")).stream()
        .filter(view -> view.getText().contains(containing)).findFirst().orElse(null));
  }

  // --- start process ----------------------------------------------------------------------------

  /** The process names the "Start process" dialog offers. */
  public List<String> startableProcesses() {
    openStartDialog();
    return driver.findElements(By.cssSelector(".modal-dialog ul.processes li a")).stream()
        .map(a -> a.getText().strip()).toList();
  }

  /** Opens "Start process", picks the process by its name and waits for its start form. */
  public void startProcess(String name) {
    if (driver.findElements(By.cssSelector(".modal-dialog ul.processes li a")).isEmpty()) {
      openStartDialog();
    }
    waiting().until(d -> {
      for (WebElement link : d.findElements(By.cssSelector(".modal-dialog ul.processes li a"))) {
        if (link.getText().strip().equals(name)) {
          link.click();
          return true;
        }
      }
      return false;
    });
    waiting().until(d -> !d.findElements(By.cssSelector(".modal-dialog .fjs-form")).isEmpty());
  }

  private void openStartDialog() {
    driver.findElement(By.cssSelector(".start-process-action a")).click();
    waiting().until(d -> !d.findElements(By.cssSelector(".modal-dialog ul.processes li a")).isEmpty());
  }

  /** Clicks the dialog's start button (once the form is valid). */
  public void submitStart() {
    click(START);
  }

  /** Waits until the start dialog has closed (the process was started). */
  public void awaitStartDialogClosed() {
    waiting().until(d -> d.findElements(MODAL).isEmpty());
  }

  public boolean startDialogOpen() {
    return !driver.findElements(MODAL).isEmpty();
  }

  /** All notifications Tasklist shows now (the dialog's and the page's), as text. */
  public String notifications() {
    return driver.findElements(By.cssSelector(".notifications")).stream().map(WebElement::getText)
        .filter(text -> !text.isBlank()).reduce("", (a, b) -> a + "\n" + b).strip();
  }

  /** Waits until the start dialog shows an error (the start was refused); returns its text. */
  public String awaitStartError() {
    return waiting().until(d -> d.findElements(By.cssSelector(".modal-dialog .notifications .alert")).stream()
        .map(WebElement::getText).filter(text -> !text.isBlank()).reduce((a, b) -> a + "\n" + b).orElse(null));
  }

  private void closeModalIfOpen() {
    List<WebElement> close = driver.findElements(By.cssSelector(".modal-footer button[ng-click='$dismiss()']"));
    if (!close.isEmpty() && close.get(0).isDisplayed()) {
      close.get(0).click();
      waiting().until(d -> d.findElements(MODAL).isEmpty());
    }
  }

  /** Scrolls an element into view, so that the screenshot shows it. */
  public void show(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }
}
