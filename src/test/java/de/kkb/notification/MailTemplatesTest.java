package de.kkb.notification;

import static org.assertj.core.api.Assertions.assertThat;

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
}
