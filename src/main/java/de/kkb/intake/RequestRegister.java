package de.kkb.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.programme.RoundRegister;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The register of consultation requests: references ({@code KKB-2023-007}), one open request per
 * municipality and round, and the access token for the status lookup (stored only as a hash).
 * Called from the request model: {@code ${requestRegister.registerStarted(execution)}} and
 * {@code ${requestRegister.close(execution)}}.
 */
@Component
public class RequestRegister {


  private final JdbcTemplate jdbc;
  private final ProgrammeCalendar programme;
  private final RoundRegister rounds;
  private final SecureRandom random = new SecureRandom();

  public RequestRegister(JdbcTemplate jdbc, ProgrammeCalendar programme, RoundRegister rounds) {
    this.jdbc = jdbc;
    this.programme = programme;
    this.rounds = rounds;
  }

  /** Registers a new request within the caller's transaction; refuses a second open one. */
  public Registration register(String ags, String municipalityName) {
    rounds.lock();
    List<String> open = jdbc.queryForList(
        "SELECT reference FROM kkb_request WHERE round_start = ? AND open_ags = ?", String.class,
        programme.start(), ags);
    for (String reference : open) {
      if (!orphaned(reference)) {
        throw new DuplicateRequestException(ags);
      }
      release(reference);
    }
    int year = EngineClock.today().getYear();
    Integer last = jdbc.queryForObject("SELECT MAX(ref_number) FROM kkb_request WHERE ref_year = ?",
        Integer.class, year);
    int number = last == null ? 1 : last + 1;
    String reference = String.format("KKB-%d-%03d", year, number);
    String token = newToken();
    try {
      jdbc.update("INSERT INTO kkb_request (reference, ref_year, ref_number, round_start, ags, "
              + "open_ags, municipality_name, access_token_hash, created_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          reference, year, number, programme.start(), ags, ags, municipalityName, hash(token),
          new Timestamp(EngineClock.now().toEpochMilli()));
    } catch (DuplicateKeyException e) {
      throw new DuplicateRequestException(ags);
    }
    return new Registration(reference, token);
  }

  /**
   * Start listener of the request model: a request started in Tasklist has no reference yet and is
   * registered here; one started through the API was registered before it started.
   */
  public void registerStarted(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() == null) {
      Registration registration = register((String) execution.getVariable(ConsultationRequestProcess.Variables.AGS),
          (String) execution.getVariable(CommonVariables.MUNICIPALITY_NAME));
      execution.setProcessBusinessKey(registration.reference());
    }
    execution.setVariable(CommonVariables.REFERENCE, execution.getProcessBusinessKey());
  }

  /**
   * A registration whose process never started: the request's submission registers first, in a
   * transaction of its own, and a node that died before the start left it behind. Older than
   * {@link #ORPHANED_AFTER} without a running process instance, it no longer blocks the
   * municipality (it stays in the register); a younger one may belong to a start still in progress.
   */
  private boolean orphaned(String reference) {
    Timestamp before = new Timestamp(EngineClock.now().minus(ORPHANED_AFTER).toEpochMilli());
    Integer started = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_request r WHERE r.reference = ? "
        + "AND (r.created_at > ? OR EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.BUSINESS_KEY_ = r.reference))",
        Integer.class, reference, before);
    return started != null && started == 0;
  }

  /** Longer than any start of a request process takes; see {@link #orphaned}. */
  static final Duration ORPHANED_AFTER = Duration.ofMinutes(10);

  /** Takes back a registration whose process did not start. */
  public void forget(String reference) {
    jdbc.update("DELETE FROM kkb_request WHERE reference = ?", reference);
  }

  /**
   * Takes back a registration unless its process started after all: a start whose connection was
   * lost may have committed before the answer got through. True when the process exists (running or
   * already ended) and the registration stays.
   */
  public boolean forgetUnlessStarted(String reference) {
    int deleted = jdbc.update("DELETE FROM kkb_request WHERE reference = ? "
        + "AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.BUSINESS_KEY_ = ?) "
        + "AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = ?)",
        reference, reference, reference);
    if (deleted > 0) {
      return false;
    }
    Integer registered = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_request WHERE reference = ?",
        Integer.class, reference);
    return registered != null && registered > 0;
  }

  /** End listener of the request model: the municipality may apply again. */
  public void close(DelegateExecution execution) {
    release(execution.getProcessBusinessKey());
  }

  private void release(String reference) {
    jdbc.update("UPDATE kkb_request SET open_ags = NULL WHERE reference = ?", reference);
  }

  /** Whether the token belongs to the reference; compared in constant time. */
  public boolean tokenMatches(String reference, String token) {
    if (reference == null || token == null) {
      return false;
    }
    Optional<String> stored = jdbc.queryForList(
        "SELECT access_token_hash FROM kkb_request WHERE reference = ?", String.class, reference)
        .stream().findFirst();
    return stored.isPresent() && MessageDigest.isEqual(
        stored.get().getBytes(StandardCharsets.US_ASCII), hash(token).getBytes(StandardCharsets.US_ASCII));
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public record Registration(String reference, String accessToken) {
  }
}
