package de.kkb.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import de.kkb.support.CapturedLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Without a mail server a notice stays in the notification log; the application log says so by the
 * notice's id, template and reference, never with its recipient, subject or text.
 */
class MailerLogTest {

  @Test
  void aNoticeWithoutMailServerLeavesNoContentInTheLog() throws Exception {
    Mailer mailer = new Mailer(new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
        new NotificationProperties("kkb@kkb.example.org", "http://localhost", List.of(Duration.ofMinutes(5))));
    NotificationLog.Entry entry = new NotificationLog.Entry("4f2a9c", "selection-result",
        "buero@kommune-vertraulich.example.org", "KKB-2023-004", "Betreff Vertraulich-Auswahl",
        "Begründung Vertraulich-Text der Programmsteuerung", "<p>Vertraulich-Html</p>", "PENDING", 0,
        new Date(), null, null);
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(mailer.sendsMail()).isFalse();
      mailer.writeToLog(entry);
      assertThat(log.lines()).filteredOn(line -> line.logger().equals(Mailer.class.getName()))
          .singleElement().satisfies(line -> assertThat(line.text())
          .contains("4f2a9c", "selection-result", "KKB-2023-004")
          .doesNotContain("vertraulich", "Vertraulich"));
    }
  }
}
