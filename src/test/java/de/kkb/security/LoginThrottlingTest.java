package de.kkb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.identity.KkbGroups;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins are throttled on both login paths (HTTP Basic and the webapps' login form), counted
 * together, answered in German, visible to admins, and the lock ends by itself (engine clock moved).
 */
@PlatformTest
class LoginThrottlingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Richtig!2024";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  private String userId;

  @BeforeEach
  void consultant() {
    userId = "drossel-" + Long.toString(System.nanoTime(), 36);
    User user = identityService.newUser(userId);
    user.setFirstName("Dora");
    user.setLastName("Drossel");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(userId, KkbGroups.CONSULTANTS_K3B);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.deleteUser(userId);
  }

  @Test
  void fiveWrongBasicPasswordsLockTheIdUntilTheLockoutHasPassed() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(basic(userId, "falsch").statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
    }
    HttpResponse<String> locked = basic(userId, PASSWORD);
    assertThat(locked.statusCode()).as("even the right password, while locked").isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(locked.body()).path("detail").asText())
        .contains("Zu viele fehlgeschlagene Anmeldeversuche", "Minuten");
    assertThat(lockedIdsSeenByAdmin()).contains(userId);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 16 * 60_000L));
    assertThat(basic(userId, PASSWORD).statusCode()).as("the lock ends by itself").isEqualTo(200);
    assertThat(lockedIdsSeenByAdmin()).doesNotContain(userId);
  }

  @Test
  void theWebappLoginIsThrottledTooAndCountsTogetherWithBasic() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(basic(userId, "falsch").statusCode()).isEqualTo(401);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(new HttpSession(port).webappLogin("tasklist", userId, "falsch").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = new HttpSession(port).webappLogin("tasklist", userId, PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(locked.body()).path("title").asText()).isEqualTo("Anmeldung vorübergehend gesperrt");
    assertThat(JSON.readTree(locked.body()).path("message").asText()).as("what the login page shows")
        .startsWith("Zu viele fehlgeschlagene Anmeldeversuche");
    assertThat(locked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 16 * 60_000L));
    HttpResponse<String> later = new HttpSession(port).webappLogin("tasklist", userId, PASSWORD);
    assertThat(later.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(later.body()).path("userId").asText()).isEqualTo(userId);
  }

  @Test
  void aSuccessfulLoginClearsTheCountAndUnknownIdsAreLockedAlike() throws Exception {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        assertThat(basic(userId, "falsch").statusCode()).isEqualTo(401);
      }
      assertThat(basic(userId, PASSWORD).statusCode()).as("four failures, then success").isEqualTo(200);
    }

    String unknown = "gibt-es-nicht-" + userId;
    for (int i = 0; i < 5; i++) {
      basic(unknown, "falsch");
      basic(userId, "falsch");
    }
    HttpResponse<String> unknownLocked = basic(unknown, "falsch");
    HttpResponse<String> knownLocked = basic(userId, "falsch");
    assertThat(unknownLocked.statusCode()).isEqualTo(knownLocked.statusCode()).isEqualTo(429);
    assertThat(unknownLocked.body()).as("a lock tells nothing about which ids exist")
        .isEqualTo(knownLocked.body());
  }

  @Test
  void consultantsCannotReadTheLocks() {
    assertThat(new HttpSession(port).basic("k3b-anna", "demo").get("/api/admin/login-locks").statusCode())
        .isEqualTo(403);
    assertThat(new HttpSession(port).get("/api/admin/login-locks").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> basic(String user, String password) {
    return new HttpSession(port).basic(user, password).get("/engine-rest/task?maxResults=1");
  }

  private java.util.List<String> lockedIdsSeenByAdmin() throws Exception {
    HttpResponse<String> response = new HttpSession(port).basic("demo", "demo").get("/api/admin/login-locks");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode locks = JSON.readTree(response.body());
    java.util.List<String> ids = new java.util.ArrayList<>();
    locks.forEach(lock -> ids.add(lock.path("userId").asText()));
    return ids;
  }
}
