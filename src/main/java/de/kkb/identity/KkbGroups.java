package de.kkb.identity;

import java.util.List;

/** The groups of the platform, as in the design. */
public final class KkbGroups {

  public static final String PROGRAMME_MANAGEMENT = "programme-management";
  public static final String CONSULTANTS_K3B = "consultants-k3b";
  public static final String CONSULTANTS_FORUMZFD = "consultants-forumzfd";
  public static final String APPLICANTS = "applicants";
  /** Camunda's conventional admin group: full access to everything. */
  public static final String ADMINS = "camunda-admin";

  /** Id, German name (shown in Admin and Tasklist) and Camunda group type of every group. */
  public static final List<GroupSpec> ALL = List.of(
      new GroupSpec(PROGRAMME_MANAGEMENT, "Programmsteuerung (Ministerium)", "WORKFLOW"),
      new GroupSpec(CONSULTANTS_K3B, "Berater:innen K3B", "WORKFLOW"),
      new GroupSpec(CONSULTANTS_FORUMZFD, "Berater:innen forumZFD", "WORKFLOW"),
      new GroupSpec(APPLICANTS, "Antragstellende Kommunen", "WORKFLOW"),
      new GroupSpec(ADMINS, "Plattform-Administration", "SYSTEM"));

  public static final List<String> CONSULTANT_GROUPS = List.of(CONSULTANTS_K3B, CONSULTANTS_FORUMZFD);

  private KkbGroups() {
  }

  public record GroupSpec(String id, String name, String type) {
  }
}
