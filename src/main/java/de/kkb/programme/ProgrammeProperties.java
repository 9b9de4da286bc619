package de.kkb.programme;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kkb.programme.*}: the programme round. Defaults to the source document's round, June 2023
 * to December 2025.
 */
@ConfigurationProperties("kkb.programme")
public record ProgrammeProperties(
    @DefaultValue("2023-06-01") LocalDate start,
    @DefaultValue("2025-12-31") LocalDate end) {

  public ProgrammeProperties {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("kkb.programme.end liegt vor kkb.programme.start");
    }
  }
}
