package de.kkb.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import de.kkb.support.HttpSession;
import de.kkb.support.PlatformStarter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile: no demo users, an admin from the environment, hardened cookies. */
@Tag("own-jvm")
class ProdProfileTest {

  private static final List<String> PROD = List.of("test", "prod");
  private static final String STRONG = "Konflikt-Beratung!2025";

  @Test
  void refusesToStartWithoutAdminPassword() {
    assertThatThrownBy(() -> PlatformStarter.start(PROD, "KKB_ADMIN_ID=betrieb"))
        .isInstanceOf(AdminAccountException.class)
        .hasMessageContaining("KKB_ADMIN_PASSWORD").hasMessageContaining("fehlen");
    assertThatThrownBy(() -> PlatformStarter.start(PROD))
        .isInstanceOf(AdminAccountException.class);
  }

  @Test
  void refusesToStartWithAWeakAdminPassword() {
    assertThatThrownBy(() -> PlatformStarter.start(PROD, "KKB_ADMIN_ID=betrieb",
        "KKB_ADMIN_PASSWORD=demo"))
        .isInstanceOf(AdminAccountException.class)
        .hasMessageContaining("zu schwach").hasMessageContaining("too weak")
        .hasMessageContaining("Großbuchstabe").hasMessageContaining("Sonderzeichen");
    assertThatThrownBy(() -> PlatformStarter.start(PROD, "KKB_ADMIN_ID=betrieb",
        "KKB_ADMIN_PASSWORD=langespasswortohneregeln"))
        .isInstanceOf(AdminAccountException.class);
  }

  @Test
  void failureAnalysisSaysWhatToDoInGermanAndEnglish() {
    FailureAnalysis analysis = new AdminAccountFailureAnalyzer()
        .analyze(new IllegalStateException(new AdminAccountException("fehlt / missing")));
    assertThat(analysis.getDescription()).isEqualTo("fehlt / missing");
    assertThat(analysis.getAction()).contains("Setzen Sie KKB_ADMIN_ID", "Set KKB_ADMIN_ID");
  }

  @Test
  void startsWithAStrongAdminAndNoDemoUsersAndHardenedHttp() {
    try (ConfigurableApplicationContext context = PlatformStarter.start(PROD,
        "KKB_ADMIN_ID=betrieb", "KKB_ADMIN_PASSWORD=" + STRONG)) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId())
          .containsExactly("betrieb");
      assertThat(identity.createUserQuery().memberOfGroup(KkbGroups.ADMINS).singleResult().getId())
          .isEqualTo("betrieb");
      assertThat(context.getBean(ProcessEngineConfiguration.class).isEnablePasswordPolicy()).isTrue();

      int port = PlatformStarter.port(context);
      assertThat(new HttpSession(port).basic("demo", "demo").get("/engine-rest/user").statusCode())
          .isEqualTo(401);
      assertThat(new HttpSession(port).basic("betrieb", STRONG).get("/engine-rest/user")
          .statusCode()).isEqualTo(200);

      HttpResponse<String> landing = new HttpSession(port).get("/");
      assertThat(landing.headers().firstValue("Strict-Transport-Security")).isPresent();
      HttpResponse<String> tasklist = new HttpSession(port).get("/camunda/app/tasklist/");
      assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).isPresent();
      assertThat(tasklist.headers().allValues("Set-Cookie"))
          .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure"));
      HttpResponse<String> login = new HttpSession(port).postForm(
          "/camunda/api/admin/auth/user/default/login/tasklist",
          Map.of("username", "betrieb", "password", STRONG));
      assertThat(login.headers().allValues("Set-Cookie")).as("session cookie")
          .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
          .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }
  }
}
