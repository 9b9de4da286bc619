package de.kkb.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The demo users of the embedded default profile, all with the password {@code demo}. */
@Component
class DemoUserSetup {

  static final String PASSWORD = "demo";

  static final List<DemoUser> USERS = List.of(
      new DemoUser("demo", "Demo", "Administration", "demo@kkb.example.org", KkbGroups.ADMINS),
      new DemoUser("steuerung", "Sabine", "Steuer", "steuerung@kkb.example.org",
          KkbGroups.PROGRAMME_MANAGEMENT),
      new DemoUser("k3b-anna", "Anna", "Kramer", "anna.kramer@k3b.example.org",
          KkbGroups.CONSULTANTS_K3B),
      new DemoUser("k3b-ben", "Ben", "Böhm", "ben.boehm@k3b.example.org", KkbGroups.CONSULTANTS_K3B),
      new DemoUser("fzfd-clara", "Clara", "Fischer", "clara.fischer@forumzfd.example.org",
          KkbGroups.CONSULTANTS_FORUMZFD),
      new DemoUser("fzfd-david", "David", "Falk", "david.falk@forumzfd.example.org",
          KkbGroups.CONSULTANTS_FORUMZFD),
      new DemoUser("kommune-musterstadt", "Maria", "Muster", "buergermeisterbuero@musterstadt.example.org",
          KkbGroups.APPLICANTS));

  private final IdentityService identityService;

  DemoUserSetup(IdentityService identityService) {
    this.identityService = identityService;
  }

  void run() {
    for (DemoUser demo : USERS) {
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

  record DemoUser(String id, String firstName, String lastName, String email, String groupId) {
  }
}
