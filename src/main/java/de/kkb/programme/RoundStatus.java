package de.kkb.programme;

import java.time.format.DateTimeFormatter;

import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ProgrammeRoundProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the round's tasks show: period, phase and places taken against the capacity
 * ({@code ${roundStatus.refresh(execution, 'Auswahl')}}).
 */
@Component
public class RoundStatus {

  static final String ALL_MUNICIPALITIES = "alle Kommunen der Runde";
  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final RoundRegister rounds;
  private final ProgrammeCalendar programme;

  public RoundStatus(RoundRegister rounds, ProgrammeCalendar programme) {
    this.rounds = rounds;
    this.programme = programme;
  }

  public void refresh(DelegateExecution execution, String phase) {
    // The round's tasks concern every municipality; Tasklist's column says so.
    execution.setVariable(CommonVariables.MUNICIPALITY_NAME, ALL_MUNICIPALITIES);
    execution.setVariable(Variables.ROUND_START, programme.start().format(GERMAN_DATE));
    execution.setVariable(Variables.ROUND_END, programme.lastDay().format(GERMAN_DATE));
    execution.setVariable(Variables.ROUND_PHASE, phase);
    execution.setVariable(Variables.CAPACITY, programme.capacity());
    execution.setVariable(Variables.PLACES_TAKEN, rounds.placesTaken());
  }
}
