package de.kkb.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import de.kkb.notification.DigestPreference;
import de.kkb.notification.NoticePreferences;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reminders, overdue notices and escalations from the daily watch, each sent once. Reminders and
 * overdue notices go one by one only to people who chose "sofort" (the K3B consultants here); the
 * others read them in their daily digest ({@code DailyDigestTest}).
 */
@PlatformTest
class DeadlineWatchTest {

  static final List<String> K3B = List.of("k3b-anna", "k3b-ben");

  @Autowired
  DeadlineWatch watch;
  @Autowired
  ProcessEngineConfigurationImpl engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  NoticePreferences preferences;

  @BeforeEach
  void eachTaskAtOnce() {
    K3B.forEach(user -> preferences.set(user, DigestPreference.IMMEDIATE));
  }

  @AfterEach
  void resetClockAndPreferences() {
    ClockUtil.reset();
    K3B.forEach(user -> preferences.set(user, DigestPreference.DAILY));
  }

  void check() {
    engine.getCommandExecutorTxRequired().execute(context -> {
      watch.check();
      return null;
    });
  }

  List<String> notices(String reference, String template) {
    return jdbc.queryForList("SELECT recipient FROM kkb_notification WHERE business_key = ? "
        + "AND template = ? ORDER BY recipient", String.class, reference, template);
  }

  @Test
  void remindsFromTheFollowUpDateWarnsWhenOverdueAndEscalatesAfterTheGracePeriod() {
    Jobs.setClock("2024-03-01T09:00");
    String reference = "KKB-2024-301";
    String instance = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference",
        reference, "municipalityName", "Wachstadt", "carrierGroup", "consultants-k3b",
        "consultantTeam", "Team")).getId();
    Task firstTalk = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    // Task_HoldFirstTalk: 15 working days from Fri 1 Mar 2024 → Fri 22 Mar; reminder 2 before.
    assertThat(firstTalk.getDueDate()).isEqualTo(Jobs.berlin("2024-03-22T09:00"));
    assertThat(firstTalk.getFollowUpDate()).isEqualTo(Jobs.berlin("2024-03-20T09:00"));

    Jobs.setClock("2024-03-20T08:00");
    check();
    assertThat(notices(reference, "task-reminder")).isEmpty();

    Jobs.setClock("2024-03-20T10:00");
    check();
    check();
    assertThat(notices(reference, "task-reminder")).as("to the group, once")
        .containsExactly("anna.kramer@k3b.example.org", "ben.boehm@k3b.example.org");

    taskService.claim(firstTalk.getId(), "k3b-anna");
    Jobs.setClock("2024-03-25T10:00");
    check();
    check();
    assertThat(notices(reference, "task-overdue")).as("to the assignee, once")
        .containsExactly("anna.kramer@k3b.example.org");
    assertThat(notices(reference, "task-escalation")).isEmpty();

    // Five working days after Fri 22 Mar: 25, 26, 27, 28 and, after Good Friday and Easter
    // Monday, Tue 2 Apr.
    Jobs.setClock("2024-04-01T10:00");
    check();
    assertThat(notices(reference, "task-escalation")).isEmpty();
    Jobs.setClock("2024-04-02T10:00");
    check();
    check();
    assertThat(notices(reference, "task-escalation")).as("to programme management, once")
        .containsExactly("steuerung@kkb.example.org");
    runtimeService.deleteProcessInstance(instance, "test cleanup");
  }

  @Test
  void afterTheProgrammeEndConsultantsGetNoMoreDeadlineNotices() {
    Jobs.setClock("2025-12-10T09:00");
    String reference = "KKB-2025-302";
    String instance = runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of("reference",
        reference, "municipalityName", "Endstadt", "carrierGroup", "consultants-forumzfd",
        "consultantTeam", "Team")).getId();
    Task firstTalk = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(firstTalk.getDueDate()).as("capped at the last working day of the programme")
        .isEqualTo(Jobs.berlin("2025-12-31T09:00"));
    Jobs.setClock("2026-01-05T10:00");
    check();
    assertThat(notices(reference, "task-overdue")).isEmpty();
    assertThat(notices(reference, "task-reminder")).isEmpty();
    runtimeService.deleteProcessInstance(instance, "test cleanup");
  }
}
