package de.kkb.notification;

import de.kkb.dataprotection.ErasedContact;
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
 * set, otherwise to the application log (the embedded default), so a newcomer sees what would go out.
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

  /** Sends the notification; returns the status to record. Throws when the mail server refuses. */
  public String deliver(NotificationLog.Entry entry) throws MessagingException {
    if (ErasedContact.isPlaceholder(entry.recipient())) {
      return NotificationLog.SUPPRESSED;
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      LOG.info("Benachrichtigung (kein Mailserver konfiguriert) an {}: {}\n{}", entry.recipient(),
          entry.subject(), entry.text());
      return NotificationLog.LOGGED;
    }
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(MailHeaders.recipient(entry.recipient()));
    helper.setSubject(MailHeaders.subject(entry.subject()));
    helper.setText(entry.text(), entry.html());
    message.setHeader("X-KKB-Notification-Id", entry.id());
    // Derived from the notice's stable id: should a retry send a notice again (the connection died
    // after the server took it, before the log said SENT), mail clients see the same message.
    // Spring's sender keeps a Message-ID set here.
    message.setHeader("Message-ID", messageId(entry.id()));
    sender.send(message);
    return NotificationLog.SENT;
  }
}
