package de.kkb.intake;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationRequestProcess.Variables;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A consultation request as municipalities submit it, through the API (JSON, names are the public
 * contract) or the page {@code /beratung-anfragen}. Text is kept as text: nothing here is ever
 * rendered as markup. The constraints of a field hardly overlap; where they do ({@link PlainText}
 * with the others), {@link FieldMessages} picks the one message each invalid field gets. Characters
 * a person cannot see or that change how text is shown are refused in every text ({@link PlainText});
 * one-line fields refuse line breaks and tabs too.
 */
public record ConsultationRequestForm(
    @NotBlank(message = "Bitte den Namen der Kommune angeben.")
    @Size(max = 120, message = "Der Name der Kommune hat höchstens 120 Zeichen.")
    @Pattern(regexp = "\\s*|.*\\S.*\\S.*", message = "Der Name der Kommune hat mindestens 2 Zeichen.")
    @PlainText(blankMessage = "Bitte den Namen der Kommune angeben.")
    String municipalityName,

    @NotBlank(message = "Bitte die Art der Kommune angeben.")
    @Pattern(regexp = "(GEMEINDE|STADT|KREIS)?", message = "Erlaubt sind GEMEINDE, STADT oder KREIS.")
    @PlainText
    String municipalityKind,

    @NotBlank(message = "Bitte den Amtlichen Gemeindeschlüssel angeben.")
    @Pattern(regexp = "([0-9]{8})?", message = "Der Amtliche Gemeindeschlüssel hat genau 8 Ziffern.")
    @PlainText
    String ags,

    @NotNull(message = "Bitte die Einwohnerzahl angeben.")
    @Min(value = 1, message = "Die Einwohnerzahl ist mindestens 1.")
    @Max(value = 20_000_000, message = "Die Einwohnerzahl ist höchstens 20.000.000.")
    Integer population,

    @NotBlank(message = "Bitte den Namen der Ansprechperson angeben.")
    @Size(max = 120, message = "Der Name hat höchstens 120 Zeichen.")
    @PlainText(blankMessage = "Bitte den Namen der Ansprechperson angeben.")
    String contactName,

    @NotBlank(message = "Bitte die Funktion der Ansprechperson angeben.")
    @Size(max = 120, message = "Die Funktion hat höchstens 120 Zeichen.")
    @PlainText(blankMessage = "Bitte die Funktion der Ansprechperson angeben.")
    String contactRole,

    @NotBlank(message = "Bitte eine E-Mail-Adresse angeben.")
    @Email(message = "Bitte eine gültige E-Mail-Adresse angeben.")
    @Size(max = 254, message = "Die E-Mail-Adresse hat höchstens 254 Zeichen.")
    @PlainText
    String contactEmail,

    @Size(max = 40, message = "Die Telefonnummer hat höchstens 40 Zeichen.")
    @Pattern(regexp = "[0-9 +()/-]*", message = "Die Telefonnummer enthält nur Ziffern, Leerzeichen und + ( ) / -.")
    @PlainText
    String contactPhone,

    @NotNull(message = "Bitte angeben, ob die Verwaltungsspitze die Anfrage beauftragt.")
    Boolean commissionedByAdministrationHead,

    @NotNull(message = "Bitte die Konfliktlage beschreiben (50 bis 5.000 Zeichen).")
    @Size(min = 50, max = 5000, message = "Die Beschreibung der Konfliktlage hat 50 bis 5.000 Zeichen.")
    @Pattern(regexp = "(?s)|.*\\S.*", message = "Bitte die Konfliktlage beschreiben (50 bis 5.000 Zeichen).")
    @PlainText(multiline = true, blankMessage = "Bitte die Konfliktlage beschreiben (50 bis 5.000 Zeichen).")
    String conflictDescription,

    @Size(max = 5000, message = "Höchstens 5.000 Zeichen.")
    @PlainText(multiline = true)
    String previousAttempts,

    @Size(max = 2000, message = "Höchstens 2.000 Zeichen.")
    @PlainText(multiline = true)
    String partiesInvolved,

    @NotNull(message = "Bitte den gewünschten Beginn angeben (JJJJ-MM-TT).")
    LocalDate desiredStart) {

  /** The process variables of a new request (dates as ISO strings, as the forms write them). */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CommonVariables.MUNICIPALITY_NAME, municipalityName.strip());
    variables.put(Variables.MUNICIPALITY_KIND, municipalityKind);
    variables.put(Variables.AGS, ags);
    variables.put(Variables.POPULATION, population);
    variables.put(Variables.CONTACT_NAME, contactName.strip());
    variables.put(Variables.CONTACT_ROLE, contactRole.strip());
    variables.put(Variables.CONTACT_EMAIL, contactEmail.strip());
    variables.put(Variables.CONTACT_PHONE, contactPhone == null || contactPhone.isBlank() ? null : contactPhone.strip());
    variables.put(Variables.COMMISSIONED_BY_ADMINISTRATION_HEAD, commissionedByAdministrationHead);
    variables.put(Variables.CONFLICT_DESCRIPTION, conflictDescription.strip());
    variables.put(Variables.PREVIOUS_ATTEMPTS, previousAttempts);
    variables.put(Variables.PARTIES_INVOLVED, partiesInvolved);
    variables.put(Variables.DESIRED_START, desiredStart.toString());
    return variables;
  }
}
