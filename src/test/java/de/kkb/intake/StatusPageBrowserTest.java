package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import de.kkb.support.Browser;
import de.kkb.support.BrowserPageTest;
import de.kkb.support.EngineTime;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.RequestStatus;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The status page in a real browser, as an applicant uses it: opens the request with reference and
 * token, hands in a PDF after programme management marked documents missing and sees the request
 * move on, withdraws another request; axe-core finds no WCAG 2.1 A/AA violation on the lookup and
 * the status. Skipped without chromium ({@link Browser}).
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class StatusPageBrowserTest extends BrowserPageTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;
  @TempDir
  Path files;

  String[] submit() throws Exception {
    JsonNode body = IntakeApiTest.JSON.readTree(new HttpSession(port).postJson("/api/consultation-requests",
        IntakeApiTest.JSON.writeValueAsString(IntakeApiTest.validRequest())).body());
    return new String[] {body.path("reference").asText(), body.path("accessToken").asText()};
  }

  void open(String reference, String token) {
    driver().get("http://localhost:" + port + StatusPageTest.PAGE);
    driver().findElement(By.id("reference")).sendKeys(reference);
    driver().findElement(By.id("accessToken")).sendKeys(token);
    driver().findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(d -> !d.findElements(By.id("status")).isEmpty());
  }

  @Test
  void aPersonHandsInTheMissingDocumentAndTheRequestMovesOn() throws Exception {
    String[] request = submit();
    driver().get("http://localhost:" + port + StatusPageTest.PAGE);
    assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    assertThat(browser.accessibilityViolations()).as("lookup").isEmpty();
    assertThat(driver().getCurrentUrl()).doesNotContain(request[1]);

    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(request[0]).singleResult()
        .getId(), Map.of(ConsultationRequestProcess.Variables.DOCUMENTS_COMPLETE, "MISSING",
        ConsultationRequestProcess.Variables.MISSING_DOCUMENTS, "Beschluss des Rates"));
    open(request[0], request[1]);
    assertThat(driver().getCurrentUrl()).doesNotContain(request[1]);
    assertThat(driver().findElement(By.id("status")).getText()).isEqualTo(RequestStatus.DOCUMENTS_MISSING.label());
    assertThat(driver().findElement(By.id("missingDocuments")).getText()).isEqualTo("Beschluss des Rates");
    assertThat(driver().findElement(By.id("deadline")).getText()).isEqualTo("17.07.2023");
    assertThat(browser.accessibilityViolations()).as("status with upload").isEmpty();

    Path pdf = files.resolve("ratsbeschluss.pdf");
    Files.write(pdf, ApplicantPortalApiTest.PDF);
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Long.class);
    driver().findElement(By.id("files")).sendKeys(pdf.toString());
    driver().findElement(By.cssSelector("form[action$='/unterlagen'] button[type=submit]")).click();
    waiting().until(d -> !d.findElements(By.id("done")).isEmpty());
    assertThat(driver().findElement(By.id("done")).getText()).contains("Ihre Datei ist eingegangen");
    assertThat(driver().findElement(By.id("documents")).getText()).contains("ratsbeschluss.pdf");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document", Long.class)).isEqualTo(before + 1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request[0]).singleResult()
        .getTaskDefinitionKey()).isEqualTo(ConsultationRequestProcess.Tasks.CHECK_COMPLETENESS);
    assertThat(browser.accessibilityViolations()).as("status after handing in").isEmpty();
  }

  @Test
  void aPersonWithdrawsAnotherRequest() throws Exception {
    String[] request = submit();
    open(request[0], request[1]);
    driver().findElement(By.id("withdrawalReason")).sendKeys("Der Konflikt ist beigelegt.");
    driver().findElement(By.cssSelector("input[name=confirmed]")).click();
    driver().findElement(By.cssSelector("form[action$='/rueckzug'] button[type=submit]")).click();
    waiting().until(d -> !d.findElements(By.id("done")).isEmpty());
    assertThat(driver().findElement(By.id("status")).getText()).isEqualTo(RequestStatus.WITHDRAWN.label());
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request[0]).count()).isZero();
    assertThat(browser.accessibilityViolations()).as("status after withdrawal").isEmpty();
  }
}
