package de.kkb.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.support.FormerApplicantAccount;
import de.kkb.support.HttpSession;
import de.kkb.support.PlatformTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each demo user logs in like a browser and sees exactly the webapps and filters of its group. */
@PlatformTest
@ExtendWith(FormerApplicantAccount.class)
class WebappAccessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> APPS = List.of("tasklist", "cockpit", "admin");

  @LocalServerPort
  int port;

  static Stream<Arguments> users() {
    Set<String> consultantFilters =
        Set.of("Meine Aufgaben", "Gruppenaufgaben", "Überfällig", "Aufgaben meines Trägers");
    Set<String> managementFilters =
        Set.of("Meine Aufgaben", "Gruppenaufgaben", "Überfällig", "Alle Aufgaben");
    Set<String> allFilters = Set.of("Meine Aufgaben", "Gruppenaufgaben", "Überfällig", "Alle Aufgaben",
        "Aufgaben meines Trägers");
    return Stream.of(
        Arguments.of("demo", Set.of("tasklist", "cockpit", "admin"), allFilters),
        Arguments.of("steuerung", Set.of("tasklist", "cockpit"), managementFilters),
        Arguments.of("k3b-anna", Set.of("tasklist"), consultantFilters),
        Arguments.of("k3b-ben", Set.of("tasklist"), consultantFilters),
        Arguments.of("fzfd-clara", Set.of("tasklist"), consultantFilters),
        Arguments.of("fzfd-david", Set.of("tasklist"), consultantFilters),
        Arguments.of(FormerApplicantAccount.ID, Set.of(), Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("users")
  void userSeesExactlyTheAppsAndFiltersOfTheGroup(String user, Set<String> apps,
      Set<String> filters) throws Exception {
    Set<String> openedApps = new HashSet<>();
    for (String app : APPS) {
      HttpSession browser = new HttpSession(port);
      HttpResponse<String> login = browser.webappLogin(app, user, "demo");
      if (login.statusCode() == 200) {
        openedApps.add(app);
        JsonNode authentication = JSON.readTree(login.body());
        assertThat(authentication.path("userId").asText()).isEqualTo(user);
        Set<String> authorized = new HashSet<>();
        authentication.path("authorizedApps").forEach(a -> authorized.add(a.asText()));
        Set<String> shownApps = new HashSet<>(authorized);
        shownApps.retainAll(APPS);
        assertThat(shownApps).as("authorizedApps of " + user).isEqualTo(apps);
      } else {
        assertThat(login.statusCode()).as(user + " in " + app).isIn(401, 403);
      }
    }
    assertThat(openedApps).as("apps " + user + " can open").isEqualTo(apps);

    if (!apps.contains("tasklist")) {
      return; // refused above, with 401 or 403
    }
    // Tasklist lists filters through the engine API of the logged-in session.
    HttpSession tasklist = new HttpSession(port);
    assertThat(tasklist.webappLogin("tasklist", user, "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> list =
        tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task");
    assertThat(list.statusCode()).isEqualTo(200);
    Set<String> names = new HashSet<>();
    JSON.readTree(list.body()).forEach(filter -> names.add(filter.path("name").asText()));
    assertThat(names).as("filters of " + user).isEqualTo(filters);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("users")
  void wrongPasswordDoesNotLogIn(String user) {
    HttpResponse<String> login = new HttpSession(port).webappLogin("tasklist", user + "-x", "demo");
    assertThat(login.statusCode()).isIn(401, 403);
  }
}
