package de.kkb.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers a logged notification: through {@link JavaMailSender} when {@code spring.mail.host} is
 * set. Without a mail server (the embedded default) the notice stays in the notification log
 * ({@code kkb_notification}, readable at {@code /api/notifications}), and the application log says
 * only that: recipient, subject and text are personal data and the text carries what people wrote
 * (a reason, missing documents), which has no place in a log file.
 */
@Component
public class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

  static {
    // Jakarta Mail 2.1 finds its StreamProvider with a ServiceLoader, scanning the classpath, for
    // every multipart and encoded header it builds (jakartaee/mail-api#861); named, it is one class
    // lookup. The benchmark's timer storm spent a fifth of its time in that scan.
    System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
        "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;

  public Mailer(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  /** The Message-ID of every copy of one notice: its stable id at the sender's domain. */
  String messageId(String notificationId) {
    String from = properties.from();
    return "<" + notificationId + "@" + from.substring(from.indexOf('@') + 1) + ">";
  }

  /** Whether a mail server is configured; without one, notices are written to the log. */
  public boolean sendsMail() {
    return mailSender.getIfAvailable() != null;
  }

  /** Without a mail server: the notice into the application log, so a newcomer sees what would go out. */
  public void writeToLog(NotificationLog.Entry entry) {
    LOG.info("Benachrichtigung {} ({}, {}) nicht per E-Mail versendet: kein Mailserver konfiguriert; "
        + "Empfänger, Betreff und Text stehen im Benachrichtigungsprotokoll", entry.id(), entry.template(),
        entry.businessKey() == null ? "ohne Aktenzeichen" : entry.businessKey());
  }

  /**
   * One SMTP conversation for the notification. Throws when the mail server refuses or cannot be
   * reached; its time is bounded by {@code spring.mail.properties.mail.smtp.*timeout}.
   */
  public void send(NotificationLog.Entry entry) throws MessagingException {
    JavaMailSender sender = mailSender.getObject();
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(MailHeaders.recipient(entry.recipient()));
    helper.setSubject(MailHeaders.subject(entry.subject()));
    helper.setText(entry.text(), entry.html());
    message.setHeader("X-KKB-Notification-Id", entry.id());
    // Derived from the notice's stable id: should a retry send a notice again (a node died after the
    // server took it, before the log said SENT), mail clients see the same message.
    // Spring's sender keeps a Message-ID set here.
    message.setHeader("Message-ID", messageId(entry.id()));
    sender.send(message);
  }
}
