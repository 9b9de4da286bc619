package de.kkb.notification;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import de.kkb.platform.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table {@code kkb_notification}: what was to be sent, to whom, and what happened. */
@Component
public class NotificationLog {

  public static final String PENDING = "PENDING";
  /** A try is under way, or was cut off before its outcome was recorded (the mail may be out). */
  public static final String SENDING = "SENDING";
  public static final String SENT = "SENT";
  /** No mail server configured: written to the log instead. */
  public static final String LOGGED = "LOGGED";
  /** Not sent: the recipient's data was erased (Art. 17 DSGVO) before the notice went out. */
  public static final String SUPPRESSED = "SUPPRESSED";

  private final JdbcTemplate jdbc;

  public NotificationLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether a notice with this id is in the log. */
  public boolean contains(String id) {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_notification WHERE id = ?",
        Integer.class, id);
    return existing != null && existing > 0;
  }

  /**
   * Records a new notification; false when one with this id exists already. The mail is rendered
   * only for a new one.
   */
  public boolean add(String id, Notice notice, Supplier<MailTemplates.Rendered> rendering) {
    if (contains(id)) {
      return false;
    }
    MailTemplates.Rendered mail = rendering.get();
    jdbc.update("INSERT INTO kkb_notification (id, template, recipient, business_key, subject, "
            + "body_text, body_html, status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        id, notice.template(), notice.recipient(), notice.businessKey(), mail.subject(), mail.text(),
        mail.html(), PENDING, now());
    return true;
  }

  public Optional<Entry> find(String id) {
    return jdbc.query("SELECT * FROM kkb_notification WHERE id = ?", (rs, i) -> new Entry(
        rs.getString("id"), rs.getString("template"), rs.getString("recipient"),
        rs.getString("business_key"), rs.getString("subject"), rs.getString("body_text"),
        rs.getString("body_html"), rs.getString("status"), rs.getInt("attempts"),
        rs.getTimestamp("created_at"), rs.getTimestamp("sent_at"), rs.getString("last_error")), id)
        .stream().findFirst();
  }

  /** Written to the application log instead of mailed (no mail server): one attempt, done. */
  public void logged(String id) {
    jdbc.update("UPDATE kkb_notification SET status = ?, attempts = attempts + 1, attempted_at = ?, "
        + "sent_at = ?, last_error = NULL WHERE id = ?", LOGGED, now(), now(), id);
  }

  /** Not sent, because the recipient's data was erased before the notice went out. */
  public void suppressed(String id) {
    jdbc.update("UPDATE kkb_notification SET status = ?, last_error = NULL WHERE id = ?", SUPPRESSED, id);
  }

  /**
   * Before the mail server is contacted: the try is counted and the notice marked SENDING. False
   * when the notice was delivered meanwhile (nothing to send).
   */
  public boolean sending(String id) {
    return jdbc.update("UPDATE kkb_notification SET status = ?, attempts = attempts + 1, attempted_at = ? "
        + "WHERE id = ? AND status NOT IN (?, ?, ?)", SENDING, now(), id, SENT, LOGGED, SUPPRESSED) > 0;
  }

  /** Right after the mail server took the notice. */
  public void sent(String id) {
    jdbc.update("UPDATE kkb_notification SET status = ?, sent_at = ?, last_error = NULL WHERE id = ?",
        SENT, now(), id);
  }

  /** The mail server refused or could not be reached: the try stays counted, the notice pending. */
  public void failed(String id, String error) {
    jdbc.update("UPDATE kkb_notification SET status = ?, last_error = ? WHERE id = ? AND status = ?",
        PENDING, error == null ? null : error.substring(0, Math.min(error.length(), 1000)), id, SENDING);
  }

  public List<Map<String, Object>> forBusinessKey(String businessKey) {
    // Quoted aliases: the same JSON names on H2 (upper case) and PostgreSQL (lower case).
    return jdbc.queryForList("SELECT id AS \"id\", template AS \"template\", recipient AS \"recipient\", "
        + "business_key AS \"businessKey\", subject AS \"subject\", status AS \"status\", "
        + "attempts AS \"attempts\", created_at AS \"createdAt\", attempted_at AS \"attemptedAt\", "
        + "sent_at AS \"sentAt\", "
        + "last_error AS \"lastError\" FROM kkb_notification WHERE business_key = ? "
        + "ORDER BY created_at, id", businessKey);
  }

  private static Timestamp now() {
    return new Timestamp(EngineClock.now().toEpochMilli());
  }

  public record Entry(String id, String template, String recipient, String businessKey,
      String subject, String text, String html, String status, int attempts, Date createdAt,
      Date sentAt, String lastError) {

    public boolean delivered() {
      return SENT.equals(status) || LOGGED.equals(status) || SUPPRESSED.equals(status);
    }
  }
}
