package de.kkb.programme;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import de.kkb.KkbApplication;
import org.springframework.stereotype.Component;

/** The programme period as the process models need it: {@code ${programme.endInstant()}}. */
@Component("programme")
public class ProgrammeCalendar {

  private static final ZoneId ZONE = ZoneId.of(KkbApplication.ZONE);

  private final ProgrammeProperties properties;

  public ProgrammeCalendar(ProgrammeProperties properties) {
    this.properties = properties;
  }

  /** The moment the programme is over: the start of the day after its last day, in Berlin. */
  public ZonedDateTime end() {
    return properties.end().plusDays(1).atStartOfDay(ZONE);
  }

  /** {@link #end()} as an ISO 8601 timer date with explicit offset. */
  public String endInstant() {
    return end().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
