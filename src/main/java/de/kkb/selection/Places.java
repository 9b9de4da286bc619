package de.kkb.selection;

import java.sql.Timestamp;

import de.kkb.consultation.Consultants;
import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.programme.RoundRegister;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationRequestProcess.Values;
import de.kkb.vocabulary.ConsultationRequestProcess.Variables;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The round's places. A "selected" decision takes a place within the task's own transaction, under
 * the round's row lock, so that however many decide at once, no more are selected than there are
 * places; when all are taken, or the team does not fit the carrier, the decision is refused and
 * comes back to the person who decided, with the reason. Called from the request model:
 * {@code ${places.claimIfSelected(task)}}, {@code ${places.free()}}, {@code ${places.decider(execution)}},
 * {@code ${places.release(execution)}}.
 */
@Component
public class Places {

  private static final String REFUSED = ConsultationRequestProcess.Errors.SELECTION_REFUSED;

  private final JdbcTemplate jdbc;
  private final ProgrammeCalendar programme;
  private final RoundRegister rounds;
  private final Consultants team;

  public Places(JdbcTemplate jdbc, ProgrammeCalendar programme, RoundRegister rounds, Consultants team) {
    this.jdbc = jdbc;
    this.programme = programme;
    this.rounds = rounds;
    this.team = team;
  }

  /** The places of the round not yet taken, for the selection form. */
  public int free() {
    return Math.max(0, programme.capacity() - rounds.placesTaken());
  }

  /** Who decided a selection that was refused (the decision comes back to them), or nobody yet. */
  public String decider(DelegateExecution execution) {
    Object decider = execution.getVariable(Variables.SELECTION_DECIDER);
    return decider == null ? null : decider.toString();
  }

  /**
   * Complete listener of "Über Auswahl entscheiden". A refused selection is a BPMN error: the model
   * brings the decision back to programme management with the reason shown at the top of the form.
   */
  public void claimIfSelected(DelegateTask task) {
    task.setVariable(Variables.SELECTION_REFUSAL, null);
    task.getExecution().getProcessInstance().setVariable(Variables.SELECTION_DECIDER, task.getAssignee());
    if (!Values.SELECTED.equals(task.getVariable(Variables.SELECTION_DECISION))) {
      return;
    }
    String carrierGroup = (String) task.getVariable(CommonVariables.CARRIER_GROUP);
    if (!programme.carriers().containsValue(carrierGroup)) {
      throw new BpmnError(REFUSED, "Bitte den Träger der Beratung wählen ("
          + String.join(" oder ", programme.carriers().keySet()) + ").");
    }
    String refusal = team.refusal(task.getExecution().getProcessInstance(), carrierGroup);
    if (refusal != null) {
      throw new BpmnError(REFUSED, refusal);
    }
    take(task.getExecution().getProcessBusinessKey(), carrierGroup);
  }

  /** Takes a place for the reference, or refuses with a German message when none is left. */
  public void take(String reference, String carrierGroup) {
    int capacity = rounds.lock();
    Integer held = jdbc.queryForObject(
        "SELECT COUNT(*) FROM kkb_place WHERE round_start = ? AND reference = ?", Integer.class,
        programme.start(), reference);
    if (held != null && held > 0) {
      return;
    }
    if (rounds.placesTaken() >= capacity) {
      throw new BpmnError(REFUSED, "Alle " + capacity + " Plätze der Programmrunde sind "
          + "vergeben. Bitte „Warteliste“ wählen; wird ein Platz frei, kommt die Kommune zurück "
          + "zur Entscheidung.");
    }
    jdbc.update("INSERT INTO kkb_place (round_start, reference, carrier_group, taken_at) "
            + "VALUES (?, ?, ?, ?)", programme.start(), reference, carrierGroup,
        new Timestamp(EngineClock.now().toEpochMilli()));
  }

  /** The municipality left before implementation: its place is free again. */
  public void release(DelegateExecution execution) {
    jdbc.update("DELETE FROM kkb_place WHERE round_start = ? AND reference = ?", programme.start(),
        execution.getProcessBusinessKey());
  }
}
