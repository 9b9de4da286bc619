package de.kkb.intake;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kkb.intake.*}: the deadline for missing documents (default 14 days), how many requests one
 * client address may send a minute (default 30), the largest request body (64 KiB), and the
 * documents an applicant hands in ({@code kkb.intake.documents.*}).
 */
@ConfigurationProperties("kkb.intake")
public record IntakeProperties(
    @DefaultValue("P14D") Period documentsDeadline,
    @DefaultValue("30") int maxRequestsPerMinute,
    @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue Documents documents) {

  /**
   * {@code kkb.intake.documents.*}: at most {@code max-file-size} (10 MB) per file and
   * {@code max-files} (10) per request. Spring's multipart limits
   * ({@code spring.servlet.multipart.*}) must be at least as large.
   */
  public record Documents(
      @DefaultValue("10MB") DataSize maxFileSize,
      @DefaultValue("10") int maxFiles) {

    /** The largest upload body: every file at its largest, plus room for the multipart framing. */
    public long maxUploadBytes() {
      return maxFiles * maxFileSize.toBytes() + DataSize.ofMegabytes(1).toBytes();
    }
  }
}
