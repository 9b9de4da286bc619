package de.kkb.notification;

import de.kkb.platform.DatabaseConnections;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
class NotificationConfiguration {

  @Bean
  SendNotificationJobHandler sendNotificationJobHandler(NotificationLog log, Mailer mailer,
      PlatformTransactionManager transactions, DatabaseConnections connections) {
    return new SendNotificationJobHandler(log, mailer, transactions, connections);
  }

  /** The engine's identity service is built after the plugins: looked up when first used. */
  @Bean
  NotificationRetries notificationRetries(NotificationProperties properties) {
    return new NotificationRetries(properties.retryIntervals());
  }

  @Bean("notices")
  Notices notices(NotificationLog log, MailTemplates templates, @Lazy IdentityService identityService,
      NotificationProperties properties, NoticePreferences preferences, NotificationRetries retries) {
    return new Notices(log, templates, identityService, properties, preferences, retries.initialRetries());
  }

  @Bean
  NotificationPlugin notificationPlugin(SendNotificationJobHandler handler, NotificationRetries retries) {
    return new NotificationPlugin(handler, retries);
  }
}
