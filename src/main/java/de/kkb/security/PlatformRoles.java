package de.kkb.security;

import java.util.Collection;
import java.util.Set;

import de.kkb.identity.KkbGroups;
import de.kkb.programme.ProgrammeCalendar;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Which kind of person a logged-in caller is, from the groups the engine knows them by. */
@Component
public class PlatformRoles {

  private final Set<String> consultantGroups;

  public PlatformRoles(ProgrammeCalendar programme) {
    this.consultantGroups = Set.copyOf(programme.carriers().values());
  }

  /** Programme management and admins: the engine's own authorizations decide what they see. */
  public boolean seesTheWholeProgramme(Authentication caller) {
    return groups(caller).stream()
        .anyMatch(g -> g.equals(KkbGroups.PROGRAMME_MANAGEMENT) || g.equals(KkbGroups.ADMINS));
  }

  /** A consultant of one of the carriers, and nothing more. */
  public boolean isConsultantOnly(Authentication caller) {
    return !seesTheWholeProgramme(caller) && groups(caller).stream().anyMatch(consultantGroups::contains);
  }

  private static Collection<String> groups(Authentication caller) {
    if (caller == null || !caller.isAuthenticated()) {
      return Set.of();
    }
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
