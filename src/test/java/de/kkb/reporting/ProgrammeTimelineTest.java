package de.kkb.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import de.kkb.support.HttpSession;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The timeline page: a row per municipality, a bar per phase, today, overdue work flagged. */
@PlatformTest
class ProgrammeTimelineTest {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  @Test
  void cockpitsDashboardLinksTheTimeline() {
    HttpResponse<String> config = new HttpSession(port).get("/camunda/app/cockpit/scripts/config.js");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("'kkb/programmsteuerung.js'");
    HttpResponse<String> plugin = new HttpSession(port).get("/camunda/app/cockpit/kkb/programmsteuerung.js");
    assertThat(plugin.statusCode()).isEqualTo(200);
    assertThat(plugin.body()).contains("pluginPoint: 'cockpit.dashboard'",
        "const TIMELINE = '/programmsteuerung/zeitleiste'");
  }

  @Test
  void showsEachMunicipalityWithItsPhasesAndFlagsOverdueWork() {
    Jobs.setClock("2024-01-08T09:00");
    String id = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference", "KKB-2024-701",
        "municipalityName", "Zeitstadt", "carrierGroup", "consultants-k3b", "consultantTeam", "T")).getId();
    try {
      Jobs.setClock("2024-01-10T09:00");
      taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
          Map.of());
      taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
          Map.of("agreementOutcome", "CONCLUDED"));
      Jobs.setClock("2024-04-02T09:00");
      HttpResponse<String> page = new HttpSession(port).basic("steuerung", "demo")
          .get("/programmsteuerung/zeitleiste");
      assertThat(page.statusCode()).isEqualTo(200);
      Document html = Jsoup.parse(page.body());
      assertThat(html.select("h1").text()).isEqualTo("Zeitleiste der Programmrunde");
      Element row = html.select(".lane").stream().filter(r -> r.text().contains("Zeitstadt")).findFirst()
          .orElseThrow();
      assertThat(row.select(".bar").eachAttr("title")).containsExactly("Auftragsklärung", "Konfliktanalyse");
      assertThat(row.select(".bar").get(0).attr("style")).contains("background:#6c8ebf");
      assertThat(row.hasClass("overdue")).as("the talks' plan is overdue on 2 April").isTrue();
      assertThat(row.text()).contains("überfällig");
      assertThat(html.select(".today")).hasSize(1);
      assertThat(html.select(".legend .swatch").get(0).attr("style")).isEqualTo("background:#6c8ebf");
      assertThat(html.select("table").get(0).text()).contains("Konfliktanalyse");

      assertThat(new HttpSession(port).get("/programmsteuerung/zeitleiste").statusCode()).isEqualTo(401);
      assertThat(new HttpSession(port).basic("fzfd-clara", "demo").get("/programmsteuerung/zeitleiste")
          .statusCode()).isEqualTo(403);
    } finally {
      ClockUtil.reset();
      runtimeService.deleteProcessInstance(id, "test cleanup");
    }
  }
}
