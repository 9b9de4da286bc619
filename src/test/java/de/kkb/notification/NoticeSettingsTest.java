package de.kkb.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Benachrichtigungen": a person sees and changes their own choice, in German, with the login of
 * Tasklist or HTTP Basic and the form's CSRF token; nobody else's, and not without logging in.
 */
@PlatformTest
class NoticeSettingsTest {

  @LocalServerPort
  int port;
  @Autowired
  NoticePreferences preferences;

  @AfterEach
  void back() {
    preferences.set("k3b-ben", DigestPreference.DAILY);
  }

  @Test
  void aConsultantChangesTheirOwnChoice() throws Exception {
    assertThat(new HttpSession(port).get(NoticeSettingsController.PAGE).statusCode()).isEqualTo(401);

    HttpSession ben = new HttpSession(port);
    assertThat(ben.webappLogin("tasklist", "k3b-ben", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> page = ben.get(NoticeSettingsController.PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("html").attr("lang")).isEqualTo("de");
    assertThat(html.select("h1").text()).isEqualTo("Benachrichtigungen");
    assertThat(html.select("input[name=benachrichtigung][checked]").attr("value")).as("the default").isEqualTo("täglich");
    assertThat(html.select("label")).extracting(label -> label.text())
        .anySatisfy(text -> assertThat(text).startsWith("sofort:"));
    String token = html.select("input[name=_csrf]").attr("value");
    assertThat(token).isNotBlank();

    assertThat(ben.postForm(NoticeSettingsController.PAGE, Map.of("benachrichtigung", "sofort")).statusCode())
        .as("without the form's token").isEqualTo(403);
    assertThat(preferences.of("k3b-ben")).isEqualTo(DigestPreference.DAILY);

    HttpResponse<String> unknown = ben.postForm(NoticeSettingsController.PAGE,
        Map.of("benachrichtigung", "stündlich", "_csrf", token));
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(unknown.body()).select("#problem").text()).isEqualTo("Bitte eine der drei Möglichkeiten wählen.");

    HttpResponse<String> saved = ben.postForm(NoticeSettingsController.PAGE,
        Map.of("benachrichtigung", "sofort", "_csrf", token));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(preferences.of("k3b-ben")).isEqualTo(DigestPreference.IMMEDIATE);
    assertThat(preferences.of("k3b-anna")).as("nobody else's").isEqualTo(DigestPreference.DAILY);
    Document after = Jsoup.parse(ben.get(NoticeSettingsController.PAGE).body());
    assertThat(after.select("#done").text()).startsWith("Gespeichert: sofort");
    assertThat(after.select("input[name=benachrichtigung][checked]").attr("value")).isEqualTo("sofort");
  }
}
