package de.kkb.identity;

import java.util.ArrayList;
import java.util.List;

import de.kkb.programme.Carrier;

/**
 * The groups of the platform, as in the design: the fixed groups, and one group of consultants per
 * carrier configured in {@code kkb.programme.carriers}.
 */
public final class KkbGroups {

  public static final String PROGRAMME_MANAGEMENT = "programme-management";
  /** The consultants of the default carrier K3B (see ProgrammeProperties.DEFAULT_CARRIERS). */
  public static final String CONSULTANTS_K3B = "consultants-k3b";
  /** The consultants of the default carrier forumZFD (see ProgrammeProperties.DEFAULT_CARRIERS). */
  public static final String CONSULTANTS_FORUMZFD = "consultants-forumzfd";
  /**
   * The group applicants' accounts had in earlier versions. Applicants need no account any more:
   * the group is no longer created, and {@link GroupSetup} deletes it, and
   * {@link AuthorizationSetup} any grant it still has, where an earlier version left it behind. Its id
   * stays reserved.
   */
  public static final String APPLICANTS = "applicants";
  /** Camunda's conventional admin group: full access to everything. */
  public static final String ADMINS = "camunda-admin";

  /** The fixed groups' ids (and the retired {@link #APPLICANTS}): no carrier may use them. */
  public static final List<String> FIXED_GROUPS = List.of(PROGRAMME_MANAGEMENT, APPLICANTS, ADMINS);

  private KkbGroups() {
  }

  /** Id, German name (shown in Admin and Tasklist) and Camunda group type of every group. */
  public static List<GroupSpec> all(List<Carrier> carriers) {
    List<GroupSpec> all = new ArrayList<>();
    all.add(new GroupSpec(PROGRAMME_MANAGEMENT, "Programmsteuerung (Ministerium)", "WORKFLOW"));
    for (Carrier carrier : carriers) {
      all.add(new GroupSpec(carrier.group(), carrier.groupName(), "WORKFLOW"));
    }
    all.add(new GroupSpec(ADMINS, "Plattform-Administration", "SYSTEM"));
    return List.copyOf(all);
  }

  public record GroupSpec(String id, String name, String type) {
  }
}
