package de.kkb.intake;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.kkb.platform.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The documents applicants hand in, stored in the platform's database (table {@code kkb_document}):
 * the sanitised file name, the media type recognised from the content ({@link DocumentTypes}), the
 * size and the time by the engine's clock.
 */
@Component
public class ApplicantDocuments {

  static final int MAX_NAME_LENGTH = 120;

  private final JdbcTemplate jdbc;

  public ApplicantDocuments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What is known of a stored document, without its content. */
  public record StoredDocument(String id, String reference, String fileName, String mediaType, long size,
      Instant uploadedAt) {
  }

  /** A stored document with its content, for the download. */
  public record Content(StoredDocument document, byte[] bytes) {
  }

  /** Stores one document within the caller's transaction. */
  public StoredDocument store(String reference, String fileName, String mediaType, byte[] content) {
    StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), reference,
        sanitised(fileName), mediaType, content.length, EngineClock.now());
    jdbc.update("INSERT INTO kkb_document (id, reference, file_name, media_type, size_bytes, content, "
            + "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        document.id(), reference, document.fileName(), mediaType, document.size(), content,
        new Timestamp(document.uploadedAt().toEpochMilli()));
    return document;
  }

  /** The documents of a request, oldest first. */
  public List<StoredDocument> of(String reference) {
    return jdbc.query("SELECT id, reference, file_name, media_type, size_bytes, uploaded_at FROM kkb_document "
            + "WHERE reference = ? ORDER BY uploaded_at, file_name",
        (rs, row) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getLong(5), rs.getTimestamp(6).toInstant()), reference);
  }

  public int count(String reference) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_document WHERE reference = ?",
        Integer.class, reference);
    return count == null ? 0 : count;
  }

  /** The request a document belongs to; empty for an unknown id. */
  public Optional<String> referenceOf(String id) {
    return jdbc.queryForList("SELECT reference FROM kkb_document WHERE id = ?", String.class, id)
        .stream().findFirst();
  }

  public Optional<Content> content(String id) {
    return jdbc.query("SELECT id, reference, file_name, media_type, size_bytes, uploaded_at, content "
            + "FROM kkb_document WHERE id = ?",
        (rs, row) -> new Content(new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant()), rs.getBytes(7)), id)
        .stream().findFirst();
  }

  /**
   * The last segment of the name as sent, with letters, digits, spaces, dots and hyphens only
   * (anything else becomes a hyphen), no leading dot, at most {@value #MAX_NAME_LENGTH} characters:
   * safe in a header, a path, and Markdown in a form.
   */
  static String sanitised(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC)
        .replaceAll("[^\\p{L}\\p{N} .-]", "-")
        .replaceAll("\\s+", " ")
        .replaceAll("-{2,}", "-")
        .replaceAll("^[ .-]+", "")
        .strip();
    if (name.length() > MAX_NAME_LENGTH) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 8 ? name.substring(dot) : "";
      name = name.substring(0, MAX_NAME_LENGTH - extension.length()) + extension;
    }
    return name.isEmpty() ? "Dokument" : name;
  }
}
