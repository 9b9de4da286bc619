package de.kkb.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailTemplatesTest {

  final MailTemplates templates = new MailTemplates();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "task-created    | Neue Aufgabe: Maßnahme vorbereiten – Musterstadt | neue Aufgabe in der Tasklist",
      "task-assigned   | Ihnen zugewiesen: Maßnahme vorbereiten – Musterstadt | ist Ihnen zugewiesen",
      "task-reminder   | Erinnerung: Maßnahme vorbereiten – Musterstadt | ist bald fällig",
      "task-overdue    | Überfällig: Maßnahme vorbereiten – Musterstadt | ist überfällig",
      "task-escalation | Eskalation – überfällig: Maßnahme vorbereiten – Musterstadt | seit mehreren Arbeitstagen"})
  void taskNoticesAreWordedByTheirTemplate(String template, String subject, String sentence) {
    MailTemplates.Rendered mail = templates.render(template, Map.of("taskName", "Maßnahme vorbereiten",
        "municipalityName", "Musterstadt", "businessKey", "KKB-2024-001", "firstName", "Anna",
        "lastName", "Kramer", "taskUrl", "http://localhost:8080/x"));
    assertThat(mail.subject()).isEqualTo(subject);
    assertThat(mail.text()).contains("Guten Tag Anna Kramer", sentence, "(Musterstadt, KKB-2024-001)");
    assertThat(mail.html()).contains(sentence, "<strong>Maßnahme vorbereiten</strong>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"request-received", "documents-missing", "selection-result"})
  void valuesAreEscapedInHtml(String template) {
    MailTemplates.Rendered mail = templates.render(template, Map.of("contactName", "<script>x</script>",
        "municipalityName", "A & B", "businessKey", "KKB-2024-001", "requestStatus", "in Prüfung",
        "missingDocuments", "<b>Beschluss</b>"));
    assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(mail.text()).contains("<script>x</script>").as("plain text is text");
  }

  @org.junit.jupiter.api.Test
  void theDigestListsTheTasksByMunicipalityAndLeadsToTheSettings() {
    Map<String, Object> entry = new HashMap<>(Map.of("section", "Überfällig", "taskName", "Gespräche planen",
        "reference", "KKB-2024-001", "taskUrl", "http://localhost:8080/t/1"));
    entry.put("taskDue", java.sql.Timestamp.valueOf("2024-05-24 09:00:00"));
    Map<String, Object> model = new HashMap<>(Map.of("firstName", "Anna", "lastName", "Kramer",
        "day", java.time.LocalDate.of(2024, 5, 28), "taskCount", 1, "baseUrl", "https://kkb.example.org",
        "municipalities", java.util.List.of(Map.of("name", "<Altstadt>", "entries", java.util.List.of(entry)))));
    MailTemplates.Rendered mail = templates.render("daily-digest", model);
    assertThat(mail.subject()).isEqualTo("Tagesübersicht 28.05.2024: 1 Aufgabe in der Tasklist");
    assertThat(mail.text()).contains("Guten Tag Anna Kramer", "<Altstadt>",
        "- Überfällig: Gespräche planen (KKB-2024-001), fällig am 24.05.2024", "https://kkb.example.org/mein-konto/benachrichtigungen");
    assertThat(mail.html()).contains("&lt;Altstadt&gt;", "href=\"http://localhost:8080/t/1\"")
        .doesNotContain("<Altstadt>");
  }

  static Map<String, Object> applicantModel(String status) {
    Map<String, Object> model = new HashMap<>();
    model.put("contactName", "Maria Muster");
    model.put("municipalityName", "Musterstadt");
    model.put("businessKey", "KKB-2024-001");
    model.put("requestStatus", status);
    model.put("missingDocuments", "Ratsbeschluss, Organigramm");
    model.put("baseUrl", "https://kkb.example.org");
    return model;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"request-received, eingegangen", "documents-missing, Unterlagen fehlen",
      "documents-reminder, Unterlagen fehlen", "request-withdrawn, zurückgezogen",
      "selection-result, ausgewählt", "selection-result, Warteliste", "selection-result, nicht ausgewählt"})
  void applicantNoticesNameTheStatusPageAndWhatToDoButNeverTheToken(String template, String status) {
    Map<String, Object> model = applicantModel(status);
    model.put("accessToken", "GEHEIMER-SCHLUESSEL");
    MailTemplates.Rendered mail = templates.render(template, model);
    for (String body : new String[] {mail.text(), mail.html()}) {
      assertThat(body).contains("https://kkb.example.org/beratung-anfragen/stand")
          .contains("KKB-2024-001")
          .doesNotContain("GEHEIMER-SCHLUESSEL")
          .doesNotContain("14 Tagen");
      assertThat(body).containsAnyOf("Wie geht es weiter?", "Was ist zu tun?", "Bitte laden Sie");
    }
    assertThat(mail.html()).contains("href=\"https://kkb.example.org/beratung-anfragen/stand\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"documents-missing, bis zum 17.07.2023, 09:00 Uhr", "documents-reminder, am 17.07.2023"})
  void missingDocumentsNameTheDocumentsTheDeadlineAndTheUpload(String template, String deadline) {
    Map<String, Object> model = applicantModel("Unterlagen fehlen");
    model.put("documentsDeadline", deadline.replaceFirst("^(bis zum|am) ", ""));
    MailTemplates.Rendered mail = templates.render(template, model);
    assertThat(mail.text()).contains("Ratsbeschluss, Organigramm", deadline, "auf der Statusseite hoch",
        "https://kkb.example.org/beratung-anfragen/stand");
    assertThat(mail.html()).contains("Ratsbeschluss, Organigramm", "17.07.2023", "auf der Statusseite hoch");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"documents-missing", "documents-reminder"})
  void withoutADeadlineTheNoticeNamesNoDate(String template) {
    MailTemplates.Rendered mail = templates.render(template, applicantModel("Unterlagen fehlen"));
    assertThat(mail.text()).contains("auf der Statusseite hoch").doesNotContain("bis zum  ").doesNotContain("null");
  }
}
