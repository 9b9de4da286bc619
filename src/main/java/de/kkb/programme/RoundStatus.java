package de.kkb.programme;

import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the round's tasks show: period, phase and places taken against the capacity
 * ({@code ${roundStatus.refresh(execution, 'Auswahl')}}).
 */
@Component("roundStatus")
public class RoundStatus {

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final JdbcTemplate jdbc;
  private final ProgrammeCalendar programme;

  public RoundStatus(JdbcTemplate jdbc, ProgrammeCalendar programme) {
    this.jdbc = jdbc;
    this.programme = programme;
  }

  public void refresh(DelegateExecution execution, String phase) {
    Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM kkb_place WHERE round_start = ?",
        Integer.class, programme.start());
    execution.setVariable("roundStart", programme.start().format(GERMAN_DATE));
    execution.setVariable("roundEnd", programme.lastDay().format(GERMAN_DATE));
    execution.setVariable("roundPhase", phase);
    execution.setVariable("capacity", programme.capacity());
    execution.setVariable("placesTaken", taken == null ? 0 : taken);
  }
}
