package de.kkb.consultation;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.consultation.*}: how often implementation is reviewed (default every six months) and
 * how often interim reports are due (default every three months).
 */
@ConfigurationProperties("kkb.consultation")
public record ConsultationProperties(
    @DefaultValue("P6M") Period interimReviewInterval,
    @DefaultValue("P3M") Period interimReportInterval) {
}
