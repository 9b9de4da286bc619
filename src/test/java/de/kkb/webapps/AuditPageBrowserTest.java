package de.kkb.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import de.kkb.support.BrowserPageTest;
import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin, logged into Admin, opens "Protokoll der Zugriffe" without a second login: a CSV export
 * of programme management and a task completed by a consultant are listed with who and when; the
 * filter narrows the list to one action; the page is German and has no WCAG 2.1 A/AA violation
 * (axe-core). A consultant logged into Tasklist is refused. Screenshots under
 * {@code target/screenshots/AuditPageBrowserTest/}.
 */
@PlatformTest
class AuditPageBrowserTest extends BrowserPageTest {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  String consultation;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (consultation != null && runtimeService.createProcessInstanceQuery().processInstanceId(consultation).count() > 0) {
      runtimeService.deleteProcessInstance(consultation, "test cleanup");
    }
  }

  @Test
  void anAdminReadsTheAuditAndAConsultantIsRefused() {
    Jobs.setClock("2030-02-11T09:15");
    consultation = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, "KKB-2030-077", Map.of(
        "reference", "KKB-2030-077", "municipalityName", "Protokollheim", "carrierGroup", "consultants-k3b",
        "consultantTeam", "k3b-anna", "consultantLead", "k3b-anna")).getId();
    String firstTalk = taskService.createTaskQuery().processInstanceId(consultation).singleResult().getId();
    Jobs.setClock("2030-02-11T10:20:30");
    assertThat(new HttpSession(port).basic("k3b-anna", "demo")
        .postJson("/engine-rest/task/" + firstTalk + "/complete", "{}").statusCode()).isEqualTo(204);
    Jobs.setClock("2030-02-11T11:05:00");
    assertThat(new HttpSession(port).basic("steuerung", "demo").get("/api/programme/report?format=csv")
        .statusCode()).isEqualTo(200);

    Webapps webapps = new Webapps(driver(), port, "AuditPageBrowserTest");
    webapps.login("admin", "demo", "Demo Administration");
    driver().get(webapps.url("/administration/protokoll?von=2030-02-11&bis=2030-02-11"));
    String page = webapps.waitForTexts("Protokoll der Zugriffe", "Bericht als CSV exportiert");
    assertThat(page).contains("11.02.2030 11:05:00", "steuerung", "Aufgabe abgeschlossen", "k3b-anna",
        "11.02.2030 10:20:30", firstTalk);
    assertThat(browser.accessibilityViolations()).as("audit page").isEmpty();
    webapps.screenshot("protokoll");

    new Select(driver().findElement(By.id("aktion"))).selectByValue("CSV_EXPORT");
    driver().findElement(By.cssSelector("button[type=submit]")).click();
    webapps.waitForTexts("1 Einträge");
    assertThat(driver().findElements(By.cssSelector("tbody tr"))).hasSize(1);
    assertThat(webapps.text()).doesNotContain("Aufgabe abgeschlossen");
    assertThat(browser.accessibilityViolations()).as("filtered").isEmpty();
    webapps.screenshot("gefiltert");

    webapps.login("tasklist", "k3b-anna", "Anna Kramer");
    driver().get(webapps.url("/administration/protokoll"));
    webapps.waitForTexts("Keine Berechtigung");
    assertThat(webapps.text()).doesNotContain("Protokoll der Zugriffe");
    webapps.screenshot("beraterin-abgewiesen");
  }
}
