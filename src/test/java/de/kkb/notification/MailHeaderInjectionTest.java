package de.kkb.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.kkb.support.FreePort;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A CR or LF in user text never reaches a mail header: subjects are folded into one line, and a
 * recipient that is not exactly one plain address is refused before anything is sent (GreenMail).
 */
class MailHeaderInjectionTest {

  private static final String INJECTED = "Bcc: angreifer@angreifer.test";

  GreenMail smtp;
  Mailer mailer;

  @BeforeEach
  void start() {
    int port = FreePort.find();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    mailer = new Mailer(new StaticListableBeanFactory(Map.of("mail", sender)).getBeanProvider(JavaMailSender.class),
        new NotificationProperties("kkb-plattform@kkb.example.org", "http://localhost:8080",
            List.of(Duration.ofMinutes(5))));
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\n", "\r", "\u0085", "\u2028", "\r\n\r\n"})
  void aLineBreakInTheSubjectStaysInsideTheSubject(String lineBreak) throws Exception {
    mailer.send(entry("buero@musterstadt.example.org",
        "Ihre Anfrage für Musterstadt" + lineBreak + INJECTED));
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getHeader("Bcc")).isNull();
    assertThat(received[0].getSubject()).isEqualTo("Ihre Anfrage für Musterstadt " + INJECTED);
    for (Header header : Collections.list(received[0].getAllHeaders())) {
      assertThat(header.getName()).doesNotContainIgnoringCase("angreifer");
    }
    assertThat(smtp.getReceivedMessagesForDomain("angreifer.test")).as("no copy to the injected address")
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"buero@musterstadt.example.org\r\nBcc: angreifer@angreifer.test",
      "buero@musterstadt.example.org\nX-Evil: 1", "buero@musterstadt.example.org, angreifer@angreifer.test",
      "Maria Muster <buero@musterstadt.example.org>", "kein-at-zeichen", ""})
  void aRecipientThatIsNotExactlyOnePlainAddressIsRefused(String recipient) {
    assertThatThrownBy(() -> mailer.send(entry(recipient, "Ihre Anfrage")))
        .isInstanceOf(MessagingException.class);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  private static NotificationLog.Entry entry(String recipient, String subject) {
    return new NotificationLog.Entry("kkb-test-1", "request-received", recipient, "KKB-2024-001", subject,
        "Guten Tag,\nIhre Anfrage ist eingegangen.", "<p>Guten Tag</p>", NotificationLog.PENDING, 0,
        new Date(), null, null);
  }
}
