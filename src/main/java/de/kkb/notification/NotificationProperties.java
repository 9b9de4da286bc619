package de.kkb.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.notifications.*}: the sender address and the platform's public URL used in mails.
 * Retries follow the engine's {@code failed-job-retry-time-cycle} (default five tries in about an
 * hour, see application.yaml).
 */
@ConfigurationProperties("kkb.notifications")
public record NotificationProperties(
    @DefaultValue("kkb-plattform@kkb.example.org") String from,
    @DefaultValue("http://localhost:8080") String baseUrl) {
}
