package de.kkb.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.kkb.notification.DigestPreference;
import de.kkb.notification.NoticePreferences;
import de.kkb.support.FreePort;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformStarter;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.DeadlineWatchProcess;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The daily digest against a real SMTP server (GreenMail), on the engine clock, through the week of
 * Corpus Christi 2024 (Thursday 30 May, a public holiday in NRW): the morning round runs every day,
 * digests go out on working days only, at most one per person and day, with the tasks grouped by
 * municipality and nothing of another carrier. "sofort" gets each task at once and no digest,
 * "keine" gets neither, and what someone must act on now still arrives at once.
 */
@Tag("own-jvm")
class DailyDigestTest {

  static final String ANNA = "anna.kramer@k3b.example.org";
  static final String BEN = "ben.boehm@k3b.example.org";
  static final String CLARA = "clara.fischer@forumzfd.example.org";
  static final String DAVID = "david.falk@forumzfd.example.org";
  static final String STEUERUNG = "steuerung@kkb.example.org";

  GreenMail smtp;
  ConfigurableApplicationContext platform;
  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;

  @BeforeEach
  void start() {
    int port = FreePort.find();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // Sunday night before the week: the morning round's timer starts from here.
    Jobs.setClock("2024-05-26T20:00");
    platform = PlatformStarter.start(List.of("test"), "spring.mail.host=127.0.0.1", "spring.mail.port=" + port);
    runtime = platform.getBean(RuntimeService.class);
    tasks = platform.getBean(TaskService.class);
    management = platform.getBean(ManagementService.class);
    NoticePreferences preferences = platform.getBean(NoticePreferences.class);
    preferences.set("fzfd-clara", DigestPreference.NONE);
    preferences.set("fzfd-david", DigestPreference.IMMEDIATE);
  }

  @AfterEach
  void stop() {
    ClockUtil.reset();
    platform.close();
    smtp.stop();
  }

  @Test
  void aWeekWithAHolidayBringsOneDigestPerWorkingDayAndPerson() throws Exception {
    // Monday 27 May, after the morning round: two K3B consultations and one of forumZFD.
    morning("2024-05-27");
    Jobs.setClock("2024-05-27T10:00");
    String altstadt = consultation("KKB-2024-501", "Altstadt", "consultants-k3b", "k3b-anna");
    consultation("KKB-2024-502", "Neustadt", "consultants-k3b", "k3b-ben");
    consultation("KKB-2024-503", "Fremdstadt", "consultants-forumzfd", "fzfd-clara");
    Jobs.runDueJobs(management);
    assertThat(received(DAVID)).as("sofort: each new task at once").hasSize(1)
        .allSatisfy(mail -> assertThat(mail.getSubject()).isEqualTo(
            "Neue Aufgabe: Erstgespräch mit der Verwaltungsspitze führen – Fremdstadt"));
    assertThat(received(ANNA)).as("täglich: nothing at once").isEmpty();
    assertThat(received(CLARA)).as("keine").isEmpty();

    // Tuesday: the digests of the new tasks, grouped by municipality, each lead only their own.
    morning("2024-05-28");
    MimeMessage anna = only(received(ANNA));
    assertThat(anna.getSubject()).isEqualTo("Tagesübersicht 28.05.2024: 1 Aufgabe in der Tasklist");
    String annas = text(anna);
    assertThat(annas).contains("Altstadt", "- Neu: Erstgespräch mit der Verwaltungsspitze führen (KKB-2024-501)")
        .doesNotContain("Neustadt", "Fremdstadt");
    assertThat(text(only(received(BEN)))).contains("Neustadt").doesNotContain("Altstadt", "Fremdstadt");
    assertThat(received(CLARA)).isEmpty();
    assertThat(received(DAVID)).as("no digest for sofort").hasSize(1);
    assertThat(received(STEUERUNG)).as("programme management: none of the carriers' tasks")
        .allSatisfy(mail -> assertThat(text(mail)).doesNotContain("Altstadt", "Neustadt", "Fremdstadt"));

    // A second round on the same day sends nothing twice.
    runtime.startProcessInstanceByKey(DeadlineWatchProcess.KEY);
    Jobs.runDueJobs(management);
    assertThat(received(ANNA)).hasSize(1);

    // Wednesday: Anna completes her first talk and reports a critical situation; programme
    // management hears of the escalation at once.
    morning("2024-05-29");
    assertThat(received(ANNA)).as("nothing new on Wednesday morning").hasSize(1);
    Jobs.setClock("2024-05-29T11:00");
    tasks.complete(tasks.createTaskQuery().processInstanceId(altstadt).singleResult().getId(),
        Map.of(ConsultationProcess.Variables.FIRST_TALK_DATE, "2024-05-29",
            ConsultationProcess.Variables.ADMINISTRATION_HEAD_ROLE, "BUERGERMEISTER",
            ConsultationProcess.Variables.FIRST_TALK_PARTICIPANTS, 3));
    runtime.createMessageCorrelation(ConsultationProcess.Messages.CRITICAL_ESCALATION_REPORTED)
        .processInstanceId(altstadt).setVariable(ConsultationProcess.Variables.ESCALATION_DESCRIPTION,
            "Drohungen gegen die Moderation.").correlate();
    Jobs.runDueJobs(management);
    assertThat(received(STEUERUNG)).as("urgent: at once, whatever was chosen")
        .filteredOn(mail -> subject(mail).startsWith("Neue Aufgabe: Eskalation bewerten – Altstadt")).hasSize(1);

    // Thursday is Corpus Christi, then the weekend: no mail at all.
    int before = smtp.getReceivedMessages().length;
    morning("2024-05-30");
    assertThat(smtp.getReceivedMessages()).as("holiday: " + mails()).hasSize(before);

    // Friday: Anna's digest names the task created on Wednesday; programme management's its
    // assessment, which it already had at once, as new.
    morning("2024-05-31");
    List<MimeMessage> annas2 = received(ANNA);
    assertThat(annas2).hasSize(2);
    assertThat(text(annas2.get(1))).contains("Altstadt", "- Neu: Kooperationsvereinbarung abschließen")
        .doesNotContain("Erstgespräch");
    assertThat(text(only(received(STEUERUNG), "Tagesübersicht 31.05.2024"))).contains("Altstadt", "Eskalation bewerten");

    // The weekend: no morning round. The round asks for interim reports on Saturday 1 June; only
    // "sofort" hears of them at once, the others on Monday.
    List<String> beforeWeekend = Arrays.stream(smtp.getReceivedMessages()).map(DailyDigestTest::id).toList();
    morning("2024-06-01");
    morning("2024-06-02");
    List<MimeMessage> weekend = Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> !beforeWeekend.contains(id(mail))).toList();
    assertThat(weekend).as("weekend: " + mails()).isNotEmpty().allSatisfy(mail -> {
      assertThat(recipient(mail)).isEqualTo(DAVID);
      assertThat(subject(mail)).isEqualTo("Neue Aufgabe: Zwischenbericht erstellen – Fremdstadt");
    });
    morning("2024-06-03");
    assertThat(text(only(received(ANNA), "Tagesübersicht 03.06.2024"))).contains("Altstadt",
        "- Neu: Zwischenbericht erstellen (KKB-2024-501)").doesNotContain("Neustadt", "Fremdstadt");

    // Every digest is one per person and working day.
    Map<String, Long> perPersonAndDay = Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> subject(mail).startsWith("Tagesübersicht"))
        .collect(Collectors.groupingBy(mail -> recipient(mail) + " " + subject(mail).substring(15, 25),
            Collectors.counting()));
    assertThat(perPersonAndDay).isNotEmpty().allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    assertThat(perPersonAndDay.keySet()).as("none on the holiday and the weekend")
        .noneMatch(key -> key.contains("30.05.2024") || key.contains("01.06.2024") || key.contains("02.06.2024"))
        .anyMatch(key -> key.contains("03.06.2024"));
    assertThat(received(CLARA)).as("keine: nothing, the whole week").isEmpty();
  }

  /** The morning round of the day: its timer, the watch and the digests, then their mails. */
  void morning(String day) {
    Jobs.setClock(day + "T07:05");
    Jobs.runDueJobs(management);
    Jobs.runDueJobs(management);
  }

  String consultation(String reference, String municipality, String carrierGroup, String lead) {
    return runtime.startProcessInstanceByKey(ConsultationProcess.KEY, Map.of(CommonVariables.REFERENCE, reference,
        CommonVariables.MUNICIPALITY_NAME, municipality, CommonVariables.CARRIER_GROUP, carrierGroup,
        CommonVariables.CONSULTANT_TEAM, lead, CommonVariables.CONSULTANT_LEAD, lead)).getId();
  }

  List<MimeMessage> received(String recipient) {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      if (recipient(mail).equals(recipient)) {
        mails.add(mail);
      }
    }
    return mails;
  }

  static MimeMessage only(List<MimeMessage> mails, String... subjectStarts) {
    List<MimeMessage> matching = mails.stream()
        .filter(mail -> subjectStarts.length == 0 || subject(mail).startsWith(subjectStarts[0])).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  /** Who got what, for failure messages. */
  String mails() {
    return Arrays.stream(smtp.getReceivedMessages()).map(mail -> recipient(mail) + ": " + subject(mail))
        .collect(Collectors.joining("; "));
  }

  /** The mail's plain text part, decoded. */
  static String text(MimeMessage mail) {
    try {
      return text(mail.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object content) throws Exception {
    if (content instanceof String plain) {
      return plain;
    }
    MimeMultipart parts = (MimeMultipart) content;
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).isMimeType("text/plain")) {
        return (String) parts.getBodyPart(i).getContent();
      }
      if (parts.getBodyPart(i).getContent() instanceof MimeMultipart nested) {
        String found = text(nested);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return "";
  }

  static String id(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String recipient(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
