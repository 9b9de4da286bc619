package de.kkb.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import de.kkb.support.EngineTime;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Access requests (Art. 15 DSGVO): for a contact whose request went some way, the JSON answer and
 * the page show the person's data from every store that holds it; for a consultant's address, the
 * account. Consultants are refused; every answer is in the audit trail, without the address.
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class AccessRequestTest {

  static final ContactJourney.Contact CONTACT = new ContactJourney.Contact("Wiebke Tessendorf-Auskunft",
      "w.tessendorf@auskunftstadt.example.org", "+49 2151 333-2020", "Stabsstelle Bürgerbeteiligung");

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aContactsDataFromEveryStoreAsJsonAndPage() throws Exception {
    ContactJourney journey = new ContactJourney(context, port);
    ContactJourney.Request request = journey.submit(CONTACT, "05999101", "Auskunftstadt");
    journey.runJobs();
    journey.documentsHandedIn(request, CONTACT, "ratsbeschluss-auskunftstadt.pdf");
    journey.selectedAndAgreed(request, CONTACT);
    int auditBefore = audits();

    HttpResponse<String> answer = new HttpSession(port).basic("steuerung", "demo")
        .get(DataProtectionApi.ACCESS + "?email=" + URLEncoder.encode(CONTACT.email(), StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode report = ContactJourney.JSON.readTree(answer.body());
    assertThat(report.path("references")).extracting(JsonNode::asText).containsExactly(request.reference());
    // Process variables: the contact variables of the request, and the consultation's step record naming them.
    assertThat(variables(report, "ConsultationRequest")).containsEntry("contactName", CONTACT.name())
        .containsEntry("contactEmail", CONTACT.email()).containsEntry("contactPhone", CONTACT.phone())
        .containsEntry("contactRole", CONTACT.role());
    assertThat(variables(report, "Consultation").get("agreementRecord")).contains(CONTACT.name(), CONTACT.phone());
    // History: the variables as they were set, the form field, the comment, the failed-free job log.
    assertThat(report.path("history")).extracting(h -> h.path("kind").asText() + ":" + h.path("name").asText())
        .contains("Variable:contactEmail", "Variable:contactName", "Formularfeld:talkRecommendationNote",
            "Variable:agreementRecord")
        .anySatisfy(entry -> assertThat(entry).startsWith("Kommentar:"));
    // Notification log, documents (metadata and a download link), register.
    assertThat(report.path("notifications")).extracting(n -> n.path("recipient").asText()).contains(CONTACT.email());
    assertThat(report.path("notifications")).extracting(n -> n.path("template").asText())
        .contains("request-received", "documents-missing", "selection-result");
    JsonNode document = report.path("documents").get(0);
    assertThat(document.path("fileName").asText()).isEqualTo("ratsbeschluss-auskunftstadt.pdf");
    assertThat(document.path("download").asText()).isEqualTo("/api/documents/" + document.path("id").asText());
    assertThat(document.has("content")).isFalse();
    assertThat(report.path("register").get(0).path("municipalityName").asText()).isEqualTo("Auskunftstadt");
    assertThat(report.path("register").get(0).has("accessTokenHash")).isFalse();
    assertThat(report.path("account").isNull()).isTrue();

    // The page, as programme management: the same stores, German, without an erasure form.
    HttpSession steuerung = new HttpSession(port).basic("steuerung", "demo");
    Document form = Jsoup.parse(steuerung.get(DataProtectionPage.PAGE).body());
    assertThat(form.select("html").attr("lang")).isEqualTo("de");
    assertThat(form.select("label[for=suche]").text()).isEqualTo("E-Mail-Adresse oder Aktenzeichen");
    HttpResponse<String> page = steuerung.postForm(DataProtectionPage.PAGE + "/auskunft",
        Map.of("suche", CONTACT.email(), "_csrf", form.select("input[name=_csrf]").attr("value")));
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("h3").eachText()).extracting(h -> h.replaceAll(" \\(\\d+\\)", ""))
        .containsExactly("Vorgänge und Prozessvariablen", "Verlauf", "Benachrichtigungen", "Dokumente",
            "Anfrageregister", "Benutzerkonto");
    assertThat(html.select("#vorgaenge + table, section").text()).contains(CONTACT.name(), CONTACT.phone(),
        CONTACT.email(), "ratsbeschluss-auskunftstadt.pdf", request.reference(), "Auskunftstadt");
    assertThat(html.select("a[href^=/api/documents/]")).hasSize(1);
    assertThat(html.select("#grund")).as("erasure is for admins").isEmpty();
    assertThat(new HttpSession(port).basic("demo", "demo").postForm(DataProtectionPage.PAGE + "/auskunft",
        Map.of("suche", CONTACT.email())).statusCode()).as("without the form's token").isEqualTo(403);

    // By reference: every process of the request, the consultation's variables too.
    JsonNode byReference = ContactJourney.JSON.readTree(new HttpSession(port).basic("demo", "demo")
        .get(DataProtectionApi.ACCESS + "?reference=" + request.reference()).body());
    assertThat(byReference.path("processes")).extracting(p -> p.path("processKey").asText())
        .containsExactlyInAnyOrder("ConsultationRequest", "Consultation");
    assertThat(variables(byReference, "Consultation")).containsKeys("firstTalkRecord", "carrierGroup", "goal1");

    // The audit trail: three access requests, named by reference or by a hash of the address only.
    String hashed = "E-Mail sha256:" + DataSubject.hashPrefix(CONTACT.email());
    List<Map<String, Object>> audit = jdbc.queryForList("SELECT user_id, subject, detail FROM kkb_audit "
        + "WHERE action = 'ACCESS_REQUEST' AND subject IN (?, ?)", hashed, request.reference());
    assertThat(audits()).isEqualTo(auditBefore + 3);
    assertThat(audit).extracting(row -> row.get("user_id") + " " + row.get("subject"))
        .containsExactlyInAnyOrder("steuerung " + hashed, "steuerung " + hashed, "demo " + request.reference());
    assertThat(audit).extracting(row -> (String) row.get("detail")).allSatisfy(detail -> assertThat(detail)
        .startsWith("Auskunft erteilt: Vorgänge"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_audit WHERE LOWER(subject) LIKE ? OR LOWER(detail) LIKE ?",
        Integer.class, "%" + CONTACT.email() + "%", "%" + CONTACT.email() + "%")).isZero();
  }

  @Test
  void aConsultantsAccountByTheirAddress() throws Exception {
    JsonNode report = ContactJourney.JSON.readTree(new HttpSession(port).basic("demo", "demo")
        .get(DataProtectionApi.ACCESS + "?email=" + URLEncoder.encode(email("k3b-ben"), StandardCharsets.UTF_8)).body());
    assertThat(report.path("account").path("id").asText()).isEqualTo("k3b-ben");
    assertThat(report.path("account").path("groups")).extracting(JsonNode::asText).contains("consultants-k3b");
    assertThat(report.path("counts").path("account").asInt()).isEqualTo(1);
  }

  @Test
  void consultantsAndStrangersAreRefused() {
    for (String consultant : List.of("fzfd-clara", "k3b-anna")) {
      HttpSession session = new HttpSession(port).basic(consultant, "demo");
      assertThat(session.get(DataProtectionApi.ACCESS + "?reference=KKB-2023-001").statusCode()).isEqualTo(403);
      assertThat(session.get(DataProtectionPage.PAGE).statusCode()).isEqualTo(403);
      assertThat(session.postForm(DataProtectionPage.PAGE + "/auskunft", Map.of("suche", "KKB-2023-001")).statusCode())
          .isEqualTo(403);
    }
    assertThat(new HttpSession(port).get(DataProtectionApi.ACCESS + "?reference=KKB-2023-001").statusCode()).isEqualTo(401);
    HttpResponse<String> neither = new HttpSession(port).basic("steuerung", "demo").get(DataProtectionApi.ACCESS);
    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(neither.body()).contains("Bitte genau eines angeben");
  }

  private String email(String userId) {
    return context.getBean(org.camunda.bpm.engine.IdentityService.class).createUserQuery().userId(userId)
        .singleResult().getEmail();
  }

  private int audits() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM kkb_audit WHERE action = 'ACCESS_REQUEST'", Integer.class);
  }

  private static Map<String, String> variables(JsonNode report, String processKey) {
    Map<String, String> variables = new java.util.HashMap<>();
    for (JsonNode process : report.path("processes")) {
      if (process.path("processKey").asText().equals(processKey)) {
        process.path("variables").forEach(v -> variables.put(v.path("name").asText(), v.path("value").asText()));
      }
    }
    return variables;
  }
}
