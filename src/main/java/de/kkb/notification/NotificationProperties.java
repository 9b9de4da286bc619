package de.kkb.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.notifications.*}: the sender address, the platform's public URL used in mails, and the
 * waits between tries when the mail server refuses (default five tries in about an hour).
 */
@ConfigurationProperties("kkb.notifications")
public record NotificationProperties(
    @DefaultValue("kkb-plattform@kkb.example.org") String from,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue({"PT5M", "PT10M", "PT15M", "PT30M"}) List<Duration> retryIntervals) {

  @ConstructorBinding
  public NotificationProperties {
    retryIntervals = List.copyOf(retryIntervals);
  }

  public NotificationProperties(String from, String baseUrl) {
    this(from, baseUrl, List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
        Duration.ofMinutes(30)));
  }
}
