package de.kkb.programme;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kkb.platform.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The programme period as the process models need it: {@code ${programmeCalendar.endInstant()}}. */
@Component
public class ProgrammeCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(ProgrammeCalendar.class);

  private final ProgrammeProperties round;

  @Autowired
  public ProgrammeCalendar(ProgrammeProperties configured) {
    this(configured, EngineClock.today());
  }

  public ProgrammeCalendar(ProgrammeProperties configured, LocalDate today) {
    this.round = configured.effective(today);
    LOG.info("Programme round {} to {}{}", round.start(), round.end(),
        configured.shiftToToday() && !round.start().equals(configured.start())
            ? " (shifted from " + configured.start() + " to contain today)" : "");
  }

  public LocalDate start() {
    return round.start();
  }

  public LocalDate lastDay() {
    return round.end();
  }

  public LocalDate applicationDeadline() {
    return round.applicationDeadline();
  }

  public int capacity() {
    return round.capacity();
  }

  /** The configured carriers, in the order of {@code kkb.programme.carriers}. */
  public List<Carrier> carrierList() {
    return round.carriers();
  }

  /** Display name → consultant group, e.g. {@code K3B → consultants-k3b}, in configured order. */
  public Map<String, String> carriers() {
    Map<String, String> carriers = new LinkedHashMap<>();
    round.carriers().forEach(carrier -> carriers.put(carrier.name(), carrier.group()));
    return Collections.unmodifiableMap(carriers);
  }

  /**
   * The groups of every carrier's consultants, for tasks any carrier may take
   * ({@code camunda:candidateGroups="${programmeCalendar.consultantGroups()}"}) and for notices.
   */
  public List<String> consultantGroups() {
    return round.carriers().stream().map(Carrier::group).toList();
  }

  /** The call for applications closes at the end of the deadline day (start of the next, Berlin). */
  public String applicationDeadlineInstant() {
    return round.applicationDeadline().plusDays(1).atStartOfDay(EngineClock.BERLIN)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The moment the programme is over: the start of the day after its last day, in Berlin. */
  public ZonedDateTime end() {
    return round.end().plusDays(1).atStartOfDay(EngineClock.BERLIN);
  }

  /** Three months before the end: consultants and programme management are told the end is near. */
  public String endApproachingInstant() {
    return end().minusMonths(3).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The round's business key, e.g. {@code KKB-RUNDE-2023-06-01}. */
  public String roundKey() {
    return "KKB-RUNDE-" + round.start();
  }

  /** {@link #end()} as an ISO 8601 timer date with explicit offset. */
  public String endInstant() {
    return end().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
