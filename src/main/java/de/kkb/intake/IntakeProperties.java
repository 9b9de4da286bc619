package de.kkb.intake;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kkb.intake.*}: the deadline for missing documents (default 14 days), how many requests one
 * client address may send a minute (default 30), and the largest request body (64 KiB).
 */
@ConfigurationProperties("kkb.intake")
public record IntakeProperties(
    @DefaultValue("P14D") Period documentsDeadline,
    @DefaultValue("30") int maxRequestsPerMinute,
    @DefaultValue("64KB") DataSize maxBodySize) {
}
