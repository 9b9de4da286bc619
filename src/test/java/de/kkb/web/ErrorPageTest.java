package de.kkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person whose browser asks for something the platform cannot give gets a German page with the
 * status and a way back, never Spring's English "Whitelabel Error Page" or a stack trace; clients of
 * the APIs keep their JSON.
 */
@PlatformTest
class ErrorPageTest {

  @LocalServerPort
  int port;

  @Test
  void anUnknownAddressShowsTheGermanPageNotFound() {
    HttpResponse<String> response = new HttpSession(port).get("/beratung-anfragen/gibt-es-nicht", "Accept", HttpSession.BROWSER_ACCEPT);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    Document page = Jsoup.parse(response.body());
    assertThat(page.select("html").attr("lang")).isEqualTo("de");
    assertThat(page.title()).isEqualTo("Seite nicht gefunden – Kommunale Konfliktberatung NRW");
    assertThat(page.select("h1").text()).isEqualTo("Seite nicht gefunden");
    assertThat(page.select("#error").text()).contains("Die aufgerufene Adresse gibt es nicht").contains("Fehlercode: 404");
    assertThat(page.select("main a[href=/]").text()).isEqualTo("Zur Startseite");
    assertThat(response.body()).doesNotContain("Whitelabel", "Exception", "/beratung-anfragen/gibt-es-nicht");
  }

  @Test
  void theApisKeepAnsweringJson() {
    HttpResponse<String> response = new HttpSession(port).get("/api/consultation-requests/KKB-2023-999",
        "Accept", "application/json");
    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
  }
}
