package de.kkb.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.kkb.programme.Carrier;
import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The demo users of the embedded default profile, all with the password {@code demo}: an admin,
 * programme management and two consultants per configured carrier. There is no applicant account:
 * applicants apply on the public page or through the intake API and need none.
 */
@Component
class DemoUserSetup {

  static final String PASSWORD = "demo";

  static final List<DemoUser> STAFF = List.of(
      new DemoUser("demo", "Demo", "Administration", "demo@kkb.example.org", KkbGroups.ADMINS),
      new DemoUser("steuerung", "Sabine", "Steuer", "steuerung@kkb.example.org",
          KkbGroups.PROGRAMME_MANAGEMENT));

  /** Demo accounts of earlier versions, removed from existing demo databases. */
  static final List<String> RETIRED = List.of("kommune-musterstadt");

  /** The consultants of the two default carriers, known by name in the docs and tests. */
  static final Map<String, List<DemoUser>> KNOWN_CONSULTANTS = Map.of(
      KkbGroups.CONSULTANTS_K3B, List.of(
          new DemoUser("k3b-anna", "Anna", "Kramer", "anna.kramer@k3b.example.org",
              KkbGroups.CONSULTANTS_K3B),
          new DemoUser("k3b-ben", "Ben", "Böhm", "ben.boehm@k3b.example.org", KkbGroups.CONSULTANTS_K3B)),
      KkbGroups.CONSULTANTS_FORUMZFD, List.of(
          new DemoUser("fzfd-clara", "Clara", "Fischer", "clara.fischer@forumzfd.example.org",
              KkbGroups.CONSULTANTS_FORUMZFD),
          new DemoUser("fzfd-david", "David", "Falk", "david.falk@forumzfd.example.org",
              KkbGroups.CONSULTANTS_FORUMZFD)));

  private final IdentityService identityService;
  private final ProgrammeCalendar programme;

  DemoUserSetup(IdentityService identityService, ProgrammeCalendar programme) {
    this.identityService = identityService;
    this.programme = programme;
  }

  void run() {
    for (String retired : RETIRED) {
      if (identityService.createUserQuery().userId(retired).count() > 0) {
        identityService.deleteUser(retired);
      }
    }
    for (DemoUser demo : users(programme.carrierList())) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      Memberships.ensure(identityService, demo.id(), demo.groupId());
    }
  }

  /** Every demo user: the staff, and two consultants of each carrier. */
  static List<DemoUser> users(List<Carrier> carriers) {
    List<DemoUser> users = new ArrayList<>(STAFF);
    for (Carrier carrier : carriers) {
      users.addAll(KNOWN_CONSULTANTS.getOrDefault(carrier.group(), consultants(carrier)));
    }
    return users;
  }

  /**
   * Two consultants of a carrier the demo does not know by name: {@code drei-1} and {@code drei-2}
   * for the group {@code consultants-drei}.
   */
  static List<DemoUser> consultants(Carrier carrier) {
    String prefix = carrier.group().startsWith("consultants-")
        ? carrier.group().substring("consultants-".length()) : carrier.group();
    List<DemoUser> consultants = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      String id = prefix + "-" + i;
      consultants.add(new DemoUser(id, "Berater:in", carrier.name() + " " + i,
          id + "@" + prefix + ".example.org", carrier.group()));
    }
    return consultants;
  }

  record DemoUser(String id, String firstName, String lastName, String email, String groupId) {
  }
}
