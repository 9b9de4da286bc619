package de.kkb.programme;

import java.util.regex.Pattern;

/**
 * A carrier of the consultations ({@code kkb.programme.carriers[i]}): its short name, the engine
 * group of its consultants and the label the forms offer it under.
 *
 * @param name short display name, e.g. {@code K3B}; also the process variable {@code carrier}
 * @param group id of the consultants' group, e.g. {@code consultants-k3b}
 * @param label what the forms show, e.g. {@code K3B – Kompetenzzentrum Kommunale Konfliktberatung};
 *     the name when not given
 */
public record Carrier(String name, String group, String label) {

  /** The engine's rule for ids (general-resource-whitelist-pattern in application.yaml). */
  static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");

  public Carrier {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("kkb.programme.carriers: jeder Träger braucht einen Namen (name)");
    }
    name = name.strip();
    if (group == null || !GROUP_ID.matcher(group).matches()) {
      throw new IllegalArgumentException("kkb.programme.carriers: Träger " + name
          + " braucht eine Gruppen-Id (group) aus Buchstaben, Ziffern und Bindestrichen, z. B. "
          + "consultants-k3b; angegeben: " + group);
    }
    label = label == null || label.isBlank() ? name : label.strip();
  }

  /** The German name of the consultants' group, shown in Admin and Tasklist. */
  public String groupName() {
    return "Berater:innen " + name;
  }
}
