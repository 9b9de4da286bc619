package de.kkb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Headers on every kind of page, and 401 for anonymous callers wherever a login is needed. */
@PlatformTest
class SecurityHeadersTest {

  @LocalServerPort
  int port;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/beratung-anfragen", "/api/consultation-requests/KKB-2023-999",
      "/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/api/admin/auth/user/default",
      "/engine-rest/engine", "/engine-rest/task", "/programmsteuerung/zeitleiste", "/actuator/health",
      "/gibt-es-nicht"})
  void everyAnswerCarriesAReferrerPolicy(String path) {
    HttpResponse<String> response = new HttpSession(port).get(path);
    assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/beratung-anfragen", "/programmsteuerung/zeitleiste"})
  void platformPagesCannotBeFramedOrSniffed(String path) {
    HttpResponse<String> response = new HttpSession(port).get(path);
    assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/version", "/engine-rest/process-definition",
      "/engine-rest/task/count", "/engine-rest/history/process-instance", "/engine-rest/telemetry/data",
      "/engine-rest/engine/default/process-definition", "/engine-rest/gibt-es-nicht",
      "/actuator", "/actuator/env", "/actuator/metrics", "/api/programme/report", "/api/notifications?businessKey=x",
      "/api/admin/login-locks", "/irgendetwas-neues"})
  void anonymousCallersGet401InGerman(String path) {
    HttpResponse<String> response = new HttpSession(port).get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(response.headers().firstValue("Content-Type")).as(path)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).as(path).contains("Anmeldung erforderlich");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
      "/camunda/api/admin/plugin/adminPlugins/default/users", "/camunda/api/tasklist/plugin/x"})
  void anonymousCallsToTheWebappsApisGet401WithoutABrowserDialog(String path) {
    HttpResponse<String> response = new HttpSession(port).get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/task", "/api/programme/report"})
  void aBrowserOpeningAProtectedPageGetsAGermanPage(String path) {
    HttpResponse<String> response = new HttpSession(port).get(path, "Accept",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("<html lang=\"de\">", "Anmeldung erforderlich");
  }
}
