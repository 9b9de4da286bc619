package de.kkb.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** The public application page's form, filled in as a municipality fills it in: valid, each field once. */
public final class ApplicationForms {

  private ApplicationForms() {
  }

  /** A valid form for the municipality {@code ags}, wishing to start on {@code desiredStart} (ISO date). */
  public static Map<String, String> filledIn(String ags, String desiredStart) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("municipalityName", "Beispielhausen");
    form.put("municipalityKind", "GEMEINDE");
    form.put("ags", ags);
    form.put("population", "12000");
    form.put("contactName", "Jonas Beispiel");
    form.put("contactRole", "Hauptamt");
    form.put("contactEmail", "hauptamt@beispielhausen.example.org");
    form.put("contactPhone", "");
    form.put("commissionedByAdministrationHead", "true");
    form.put("conflictDescription", "Im Ortsteil Nord gibt es seit der Schließung des Jugendzentrums "
        + "Streit zwischen Jugendlichen, Anwohnenden und Ortspolitik.");
    form.put("previousAttempts", "");
    form.put("partiesInvolved", "");
    form.put("desiredStart", desiredStart);
    return form;
  }
}
