package de.kkb.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import de.kkb.dataprotection.ErasedContact;
import de.kkb.platform.DatabaseConnections;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The asynchronous step that sends one notification. It is its own job, so a failing mail server
 * costs retries (and, after the last, an incident in Cockpit), never the task that caused the
 * notice. A notification the log shows as delivered is never sent again.
 *
 * <p>The SMTP conversation is framed by two short transactions of their own, not by the job's: before
 * it, the notice is marked SENDING with the try counted; right after the server took the mail, it is
 * marked SENT, on a fresh connection if the job's own died meanwhile (a database restart). A second
 * copy therefore needs the node to die, or the database to stay away longer than the pool waits,
 * between the server's answer and that one update; it carries the same Message-ID.
 */
public class SendNotificationJobHandler implements JobHandler<SendNotificationJobHandler.Configuration> {

  public static final String TYPE = "kkb-send-notification";

  /**
   * How long each record around the conversation is tried, each try on a fresh connection that waits
   * for the database: a SENT not written means a second copy of the mail later.
   */
  private static final Duration RECORD_PATIENCE = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(SendNotificationJobHandler.class);

  private final NotificationLog log;
  private final Mailer mailer;
  private final TransactionTemplate separately;
  private final DatabaseConnections connections;

  public SendNotificationJobHandler(NotificationLog log, Mailer mailer,
      PlatformTransactionManager transactions, DatabaseConnections connections) {
    this.log = log;
    this.mailer = mailer;
    this.connections = connections;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Configuration configuration, ExecutionEntity execution,
      CommandContext commandContext, String tenantId) {
    String id = configuration.notificationId();
    NotificationLog.Entry entry = log.find(id)
        .orElseThrow(() -> new IllegalStateException("Benachrichtigung " + id + " fehlt im Protokoll"));
    if (entry.delivered()) {
      return;
    }
    if (ErasedContact.isPlaceholder(entry.recipient())) {
      log.suppressed(id);
      return;
    }
    if (!mailer.sendsMail()) {
      mailer.writeToLog(entry);
      log.logged(id);
      return;
    }
    if (!Boolean.TRUE.equals(separately.execute(tx -> log.sending(id)))) {
      return; // delivered by another try meanwhile
    }
    try {
      mailer.send(entry);
    } catch (Exception e) {
      recordFailure(id, e);
      throw new IllegalStateException("Die Benachrichtigung " + id + " (Vorlage " + entry.template()
          + ") konnte nicht versendet werden (" + reason(e) + "). Mailserver prüfen; der Versand wird "
          + "automatisch wiederholt; der Fehler im Einzelnen steht im Benachrichtigungsprotokoll.");
    }
    try {
      connections.retryingFor(RECORD_PATIENCE, () -> separately.executeWithoutResult(tx -> log.sent(id)));
    } catch (RuntimeException e) {
      throw new IllegalStateException("Die Benachrichtigung " + id + " (Vorlage " + entry.template()
          + ") ist versandt, der Versand konnte aber nicht protokolliert werden (Datenbank nicht "
          + "erreichbar). Der nächste Versuch sendet sie mit derselben Message-ID erneut.", e);
    }
  }

  /** The try stays counted; the full error (it may name the address) goes only into the log table. */
  private void recordFailure(String id, Exception failure) {
    try {
      connections.retryingFor(RECORD_PATIENCE,
          () -> separately.executeWithoutResult(tx -> log.failed(id, failure.getMessage())));
    } catch (RuntimeException e) {
      // The notice stays SENDING; the job's retry sends it, as it would after PENDING.
      LOG.warn("Fehlschlag der Benachrichtigung {} nicht protokolliert: {}", id, e.toString());
    }
  }

  /**
   * Why a send failed, without personal data: the mail server's texts may quote the address, so only
   * the kinds of error, the SMTP reply code, and the network's own messages are named.
   */
  static String reason(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
      String part = t.getClass().getSimpleName();
      if (t instanceof SMTPSendFailedException smtp) {
        part += " SMTP " + smtp.getReturnCode();
      } else if (t instanceof SMTPAddressFailedException smtp) {
        part += " SMTP " + smtp.getReturnCode();
      } else if (t instanceof java.io.IOException && t.getMessage() != null && !t.getMessage().contains("@")) {
        part += ": " + t.getMessage();
      }
      parts.add(part);
    }
    return String.join(", ", parts);
  }

  @Override
  public Configuration newConfiguration(String canonicalString) {
    return new Configuration(canonicalString);
  }

  @Override
  public void onDelete(Configuration configuration, JobEntity jobEntity) {
    // nothing to clean up: the log keeps the history
  }

  public record Configuration(String notificationId) implements JobHandlerConfiguration {

    @Override
    public String toCanonicalString() {
      return notificationId;
    }
  }
}
