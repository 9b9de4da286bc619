package de.kkb.programme;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The row of the current round in {@code kkb_round}. Locking it serialises what must not run
 * concurrently within a round: numbering requests and taking places.
 */
@Component
public class RoundRegister implements SmartInitializingSingleton {

  private final JdbcTemplate jdbc;
  private final ProgrammeCalendar programme;

  public RoundRegister(JdbcTemplate jdbc, ProgrammeCalendar programme) {
    this.jdbc = jdbc;
    this.programme = programme;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int updated = jdbc.update("UPDATE kkb_round SET capacity = ? WHERE round_start = ?",
        programme.capacity(), programme.start());
    if (updated == 0) {
      jdbc.update("INSERT INTO kkb_round (round_start, capacity) VALUES (?, ?)",
          programme.start(), programme.capacity());
    }
  }

  /** Places taken in the current round. */
  public int placesTaken() {
    Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_place WHERE round_start = ?",
        Integer.class, programme.start());
    return taken == null ? 0 : taken;
  }

  /** Locks the round's row until the surrounding transaction ends and returns its capacity. */
  public int lock() {
    Integer capacity = jdbc.queryForObject(
        "SELECT capacity FROM kkb_round WHERE round_start = ? FOR UPDATE", Integer.class,
        programme.start());
    if (capacity == null) {
      throw new IllegalStateException("Programmrunde " + programme.start() + " ist nicht angelegt");
    }
    return capacity;
  }
}
