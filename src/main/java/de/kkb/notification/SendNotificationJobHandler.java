package de.kkb.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The asynchronous step that sends one notification. It is its own job, so a failing mail server
 * costs retries (and, after the last, an incident in Cockpit), never the task that caused the
 * notice. A notification the log shows as delivered is never sent again.
 */
public class SendNotificationJobHandler implements JobHandler<SendNotificationJobHandler.Configuration> {

  public static final String TYPE = "kkb-send-notification";

  private final NotificationLog log;
  private final Mailer mailer;
  private final TransactionTemplate separately;

  public SendNotificationJobHandler(NotificationLog log, Mailer mailer,
      PlatformTransactionManager transactions) {
    this.log = log;
    this.mailer = mailer;
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
    NotificationLog.Entry entry = log.find(configuration.notificationId())
        .orElseThrow(() -> new IllegalStateException(
            "Benachrichtigung " + configuration.notificationId() + " fehlt im Protokoll"));
    if (entry.delivered()) {
      return;
    }
    String status;
    try {
      status = mailer.deliver(entry);
    } catch (Exception e) {
      // Counted in its own transaction: the job's rolls back so that the engine retries it.
      separately.executeWithoutResult(tx -> log.failed(entry.id(), e.getMessage()));
      throw new IllegalStateException("Die E-Mail an " + entry.recipient() + " („" + entry.subject()
          + "“) konnte nicht versendet werden: " + e.getMessage()
          + ". Mailserver prüfen; der Versand wird automatisch wiederholt.", e);
    }
    log.delivered(entry.id(), status);
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
