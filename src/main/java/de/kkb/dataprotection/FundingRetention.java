package de.kkb.dataprotection;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.retention.RetentionProperties;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * The retention rule an erasure must respect. A request that was selected (a consultation was
 * started for it) is, with its consultation, part of the funding documentation under the Land's
 * funding rules: it is kept until the programme's last day plus
 * {@code kkb.retention.consultation-years-after-programme-end} years (default 5). Until then such a
 * request cannot be erased as a whole; the contact person's data (name, function, e-mail address,
 * phone number) can be: the documentation needs the municipality's request and the consultation, not
 * the means of reaching one of its staff. Requests without a selection are kept by no such rule.
 */
@Component
public class FundingRetention {

  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final ProgrammeCalendar programme;
  private final HistoryService history;
  private final int yearsAfterProgrammeEnd;

  public FundingRetention(ProgrammeCalendar programme, HistoryService history,
      RetentionProperties retention) {
    this.programme = programme;
    this.history = history;
    this.yearsAfterProgrammeEnd = retention.consultationYearsAfterProgrammeEnd();
  }

  /** The last day a selected request and its consultation are kept. */
  public LocalDate keptUntil() {
    return programme.lastDay().plusYears(yearsAfterProgrammeEnd);
  }

  /** Whether the request was selected: a consultation with its reference exists or existed. */
  public boolean selected(String reference) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(reference).count() > 0;
  }

  /** Why the request may not be erased today, in German; empty when it may. */
  public Optional<String> refusalToErase(String reference) {
    if (!selected(reference) || EngineClock.today().isAfter(keptUntil())) {
      return Optional.empty();
    }
    return Optional.of("Die Anfrage " + reference + " wurde ausgewählt; Anfrage und Beratung gehören "
        + "zur Förderdokumentation nach dem Zuwendungsrecht des Landes. Sie werden bis zum Ende der "
        + "Aufbewahrungsfrist am " + GERMAN.format(keptUntil()) + " aufbewahrt (Programmende "
        + GERMAN.format(programme.lastDay()) + " plus " + yearsAfterProgrammeEnd + " Jahre) und können "
        + "vorher nicht gelöscht werden. Die Kontaktdaten der Ansprechperson (Name, Funktion, E-Mail-"
        + "Adresse, Telefonnummer) können Sie schon jetzt über deren E-Mail-Adresse löschen.");
  }
}
