package de.kkb.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import de.kkb.support.Jobs;
import de.kkb.vocabulary.ConsultationProcess;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme round June 2023 – December 2025, simulated day by day ({@link ProgrammeSimulation}):
 * who was told what, and when.
 */
@Tag("own-jvm")
class ProgrammeSimulationTest {

  static final LocalDate PROGRAMME_LAST_DAY = ProgrammeSimulation.PROGRAMME_LAST_DAY;
  static final List<String> CONSULTANTS = ProgrammeSimulation.CONSULTANTS;

  ProgrammeSimulation simulation;
  JdbcTemplate jdbc;

  @AfterEach
  void stop() {
    if (simulation != null) {
      simulation.close();
    }
  }

  @Test
  void theWholeRoundDayByDay() throws Exception {
    simulation = ProgrammeSimulation.start();
    jdbc = simulation.jdbc;
    HistoryService history = simulation.history;
    simulation.run(day -> { });
    List<String> references = simulation.references;
    LocalDate withdrawnOn = simulation.withdrawnOn;

    // --- what arrived, and when -------------------------------------------------------------------
    List<Map<String, Object>> log = jdbc.queryForList(
        "SELECT template, recipient, subject, status, sent_at FROM kkb_notification ORDER BY sent_at");
    assertThat(log).allSatisfy(row -> assertThat(row.get("STATUS")).isEqualTo("SENT"));
    MimeMessage[] received = simulation.smtp.getReceivedMessages();
    assertThat(received).hasSize(log.size());
    List<String> ids = new ArrayList<>();
    for (MimeMessage message : received) {
      ids.add(message.getHeader("X-KKB-Notification-Id")[0]);
    }
    assertThat(ids).as("no notice twice").doesNotHaveDuplicates();

    assertThat(sent("request-received", "kommune1@example.org")).containsExactly(LocalDate.of(2023, 6, 5));
    assertThat(withdrawnOn).as("the third withdrew during its analysis").isNotNull();
    List<LocalDate> fifth = sent("selection-result", "kommune5@example.org");
    assertThat(fifth).as("waiting list, then selected after the withdrawal").hasSize(2);
    assertThat(fifth.get(0)).isBefore(withdrawnOn);
    assertThat(fifth.get(1)).isAfter(withdrawnOn);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(references.get(4)).count()).as("the fifth moved up").isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY).count())
        .as("four places, one handed on").isEqualTo(5);
    assertThat(sent("programme-end-approaching", "steuerung@kkb.example.org"))
        .containsExactly(LocalDate.of(2025, 10, 1));
    for (String consultant : CONSULTANTS) {
      assertThat(sent("programme-end-approaching", consultant)).containsExactly(LocalDate.of(2025, 10, 1));
    }
    assertThat(sent("programme-end-reached", "steuerung@kkb.example.org"))
        .containsExactly(LocalDate.of(2026, 1, 1));
    HistoricTaskInstance late = history.createHistoricTaskInstanceQuery().taskId(simulation.lateTask).singleResult();
    LocalDate lateDue = LocalDate.ofInstant(late.getDueDate().toInstant(), Jobs.BERLIN);
    assertThat(sentFor("task-overdue", late.getName()))
        .containsOnly(simulation.workingDays.addWorkingDays(lateDue, 0).plusDays(1));
    assertThat(sentFor("task-escalation", late.getName())).hasSize(1);

    // Digests: at most one per person and day, only on working days, none to those who chose
    // "sofort", and programme management reads its work there.
    List<Map<String, Object>> digests = jdbc.queryForList(
        "SELECT recipient, sent_at FROM kkb_notification WHERE template = 'daily-digest'");
    assertThat(digests).isNotEmpty().allSatisfy(row -> {
      LocalDate day = ((Timestamp) row.get("SENT_AT")).toLocalDateTime().toLocalDate();
      assertThat(simulation.workingDays.isWorkingDay(day)).as(row.toString()).isTrue();
      assertThat(row.get("RECIPIENT")).isNotIn("anna.kramer@k3b.example.org", "clara.fischer@forumzfd.example.org");
    });
    assertThat(digests.stream().collect(Collectors.groupingBy(row -> row.get("RECIPIENT") + " "
        + ((Timestamp) row.get("SENT_AT")).toLocalDateTime().toLocalDate(), Collectors.counting())))
        .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    assertThat(sent("daily-digest", "steuerung@kkb.example.org")).isNotEmpty();
    assertThat(sent("task-created", "ben.boehm@k3b.example.org")).as("ben reads the digest").isEmpty();

    // After the end, consultants hear of nothing but the end.
    for (Map<String, Object> row : log) {
      LocalDate sentOn = ((Timestamp) row.get("SENT_AT")).toLocalDateTime().toLocalDate();
      if (sentOn.isAfter(PROGRAMME_LAST_DAY) && CONSULTANTS.contains(row.get("RECIPIENT").toString())) {
        assertThat(row.get("SUBJECT").toString()).as(row.toString())
            .containsAnyOf("Programmende", "Programmrunde");
      }
    }
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().list()) {
      LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), Jobs.BERLIN);
      assertThat(simulation.workingDays.isWorkingDay(due)).as(task.getName() + " due " + due).isTrue();
      assertThat(due).as(task.getName()).isBeforeOrEqualTo(PROGRAMME_LAST_DAY);
    }

    Map<String, Long> perMonth = log.stream().collect(Collectors.groupingBy(
        row -> ((Timestamp) row.get("SENT_AT")).toLocalDateTime().toString().substring(0, 7),
        TreeMap::new, Collectors.counting()));
    System.out.println("Benachrichtigungen je Monat (simulierte Programmrunde):");
    perMonth.forEach((month, count) -> System.out.printf("  %s  %4d%n", month, count));
    assertThat(perMonth).containsKeys("2023-06", "2025-10", "2026-01");
  }

  List<LocalDate> sent(String template, String recipient) {
    return jdbc.queryForList("SELECT sent_at FROM kkb_notification WHERE template = ? AND recipient = ? "
        + "ORDER BY sent_at", Timestamp.class, template, recipient).stream()
        .map(t -> t.toLocalDateTime().toLocalDate()).toList();
  }

  List<LocalDate> sentFor(String template, String taskName) {
    return jdbc.queryForList("SELECT sent_at FROM kkb_notification WHERE template = ? AND subject LIKE ? "
        + "ORDER BY sent_at", Timestamp.class, template, "%" + taskName + "%").stream()
        .map(t -> t.toLocalDateTime().toLocalDate()).distinct().toList();
  }
}
