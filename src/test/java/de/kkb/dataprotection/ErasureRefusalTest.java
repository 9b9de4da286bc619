package de.kkb.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

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

/**
 * A selected request is funding documentation until the programme's end plus five years: erasing it
 * by reference is refused with the German reason, through the API (409 problem) and on the page,
 * and not one row of the database changes. Only admins may erase.
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class ErasureRefusalTest {

  static final ContactJourney.Contact CONTACT = new ContactJourney.Contact("Ottokar Behaltemann",
      "o.behaltemann@aufbewahrstadt.example.org", "+49 2161 444-1234", "Dezernat I");

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  DataSource dataSource;

  @Test
  void aSelectedConsultationWithinItsRetentionPeriodIsNotErased() throws Exception {
    ContactJourney journey = new ContactJourney(context, port);
    ContactJourney.Request request = journey.submit(CONTACT, "05999202", "Aufbewahrstadt");
    journey.runJobs();
    journey.documentsHandedIn(request, CONTACT, "ratsbeschluss-aufbewahrstadt.pdf");
    journey.selectedAndAgreed(request, CONTACT);
    DatabaseScan scan = new DatabaseScan(dataSource);
    Map<String, String> before = scan.fingerprint();

    HttpResponse<String> refused = new HttpSession(port).basic("demo", "demo").postJson(DataProtectionApi.ERASURE,
        ContactJourney.JSON.writeValueAsString(Map.of("reference", request.reference(),
            "reason", "Antrag der Kommune auf Löschung ihrer Anfrage")));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = ContactJourney.JSON.readTree(refused.body());
    assertThat(problem.path("title").asText()).isEqualTo("Löschung nicht möglich");
    String reason = "Die Anfrage " + request.reference() + " wurde ausgewählt; Anfrage und Beratung gehören zur "
        + "Förderdokumentation nach dem Zuwendungsrecht des Landes. Sie werden bis zum Ende der Aufbewahrungsfrist am "
        + "31.12.2030 aufbewahrt (Programmende 31.12.2025 plus 5 Jahre)";
    assertThat(problem.path("detail").asText()).startsWith(reason);
    assertThat(scan.fingerprint()).as("nothing changed").isEqualTo(before);

    // The page: the admin gives a reason, and is told why not, before any confirmation.
    HttpSession admin = new HttpSession(port).basic("demo", "demo");
    String token = Jsoup.parse(admin.get(DataProtectionPage.PAGE).body()).select("input[name=_csrf]").attr("value");
    HttpResponse<String> page = admin.postForm(DataProtectionPage.PAGE + "/loeschen", Map.of("suche", request.reference(),
        "grund", "Antrag der Kommune auf Löschung ihrer Anfrage", "_csrf", token));
    assertThat(page.statusCode()).isEqualTo(409);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("#problem").text()).contains(reason);
    assertThat(html.select("input[name=bestaetigt]")).as("no confirmation offered").isEmpty();
    HttpResponse<String> confirmed = admin.postForm(DataProtectionPage.PAGE + "/loeschen/bestaetigt", Map.of("suche",
        request.reference(), "grund", "Antrag der Kommune auf Löschung ihrer Anfrage", "bestaetigt", "ja", "_csrf", token));
    assertThat(confirmed.statusCode()).as("refused even when sent past the check").isEqualTo(409);
    assertThat(scan.fingerprint()).as("nothing changed").isEqualTo(before);

    // Without a reason, or as programme management, nothing happens either.
    HttpResponse<String> noReason = admin.postJson(DataProtectionApi.ERASURE,
        ContactJourney.JSON.writeValueAsString(Map.of("email", CONTACT.email())));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Grund der Löschung");
    HttpSession steuerung = new HttpSession(port).basic("steuerung", "demo");
    assertThat(steuerung.postJson(DataProtectionApi.ERASURE, ContactJourney.JSON.writeValueAsString(Map.of(
        "email", CONTACT.email(), "reason", "Antrag auf Löschung nach Art. 17"))).statusCode()).isEqualTo(403);
    String managementToken = Jsoup.parse(steuerung.get(DataProtectionPage.PAGE).body()).select("input[name=_csrf]").attr("value");
    assertThat(steuerung.postForm(DataProtectionPage.PAGE + "/loeschen", Map.of("suche", CONTACT.email(),
        "grund", "Antrag auf Löschung nach Art. 17", "_csrf", managementToken)).statusCode()).isEqualTo(403);
    assertThat(scan.fingerprint()).as("nothing changed").isEqualTo(before);
    assertThat(journey.running(request)).isEqualTo(2);
  }
}
