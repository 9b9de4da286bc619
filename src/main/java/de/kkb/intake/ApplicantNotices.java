package de.kkb.intake;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import de.kkb.notification.Notices;
import de.kkb.platform.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What the applicant is told. The send tasks of the request model call it, e.g. "Eingang bestätigen"
 * as {@code ${applicantNotices.setStatusAndSend(execution, 'eingegangen', 'request-received')}} and
 * "An fehlende Unterlagen erinnern" as {@code ${applicantNotices.send(execution, 'documents-reminder')}}.
 *
 * <p>The status is set before the notice is written: the notice names it, and its exactly-once key
 * (business key, template, status; see {@link Notices#toApplicant}) contains it.
 *
 * <p>The notices about missing documents name the day the deadline ends ({@value #DOCUMENTS_DEADLINE}
 * in the template's model, German date; {@code kkb.intake.documents-deadline}).
 */
@Component
public class ApplicantNotices {

  /**
   * The templates' value: the end of the documents deadline, "17.07.2023, 09:00 Uhr" in the notice
   * that starts it; the reminder, which the job executor may run a little late, names the day only.
   */
  public static final String DOCUMENTS_DEADLINE = "documentsDeadline";
  static final String DOCUMENTS_MISSING = "documents-missing";
  static final String DOCUMENTS_REMINDER = "documents-reminder";

  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'");
  private static final DateTimeFormatter GERMAN_DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final Notices notices;
  private final RequestStatusTracker status;
  private final IntakeSchedule schedule;

  public ApplicantNotices(@Qualifier("notices") Notices notices, RequestStatusTracker status,
      IntakeSchedule schedule) {
    this.notices = notices;
    this.status = status;
    this.schedule = schedule;
  }

  /** A notice with the template's name ({@code templates/mail/<template>.*}), status unchanged. */
  public void send(DelegateExecution execution, String template) {
    notices.toApplicant(execution, template, extra(template));
  }

  /** Sets the status the applicant sees, then sends the notice that tells them. */
  public void setStatusAndSend(DelegateExecution execution, String requestStatus, String template) {
    status.set(execution, requestStatus);
    notices.toApplicant(execution, template, extra(template));
  }

  /** What the template needs beyond the process variables. */
  private Map<String, Object> extra(String template) {
    ZonedDateTime now = EngineClock.nowInBerlin();
    return switch (template) {
      case DOCUMENTS_MISSING -> Map.of(DOCUMENTS_DEADLINE, GERMAN.format(schedule.documentsDeadlineFrom(now)));
      case DOCUMENTS_REMINDER -> Map.of(DOCUMENTS_DEADLINE,
          GERMAN_DAY.format(schedule.documentsDeadlineFromReminder(now)));
      default -> Map.of();
    };
  }
}
