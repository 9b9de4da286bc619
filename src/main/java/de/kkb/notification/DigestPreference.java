package de.kkb.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a person hears of their work in Tasklist (new tasks, reminders, overdue tasks): one mail a
 * working day, each at once, or not by mail. Mails where someone must act now (a critical situation,
 * a withdrawal, an escalation) and every mail to applicants go out at once whatever is chosen.
 */
public enum DigestPreference {

  DAILY("täglich", "eine Tagesübersicht an jedem Arbeitstag (empfohlen)"),
  IMMEDIATE("sofort", "jede Aufgabe, Erinnerung und Überfälligkeit sofort in einer eigenen E-Mail"),
  NONE("keine", "keine E-Mails zu Aufgaben; nur was sofort zu tun ist");

  private final String label;
  private final String description;

  DigestPreference(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  public static Optional<DigestPreference> ofLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
  }
}
