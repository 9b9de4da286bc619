package de.kkb.intake;

import de.kkb.notification.Notices;
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
 */
@Component
public class ApplicantNotices {

  private final Notices notices;
  private final RequestStatusTracker status;

  public ApplicantNotices(@Qualifier("notices") Notices notices, RequestStatusTracker status) {
    this.notices = notices;
    this.status = status;
  }

  /** A notice with the template's name ({@code templates/mail/<template>.*}), status unchanged. */
  public void send(DelegateExecution execution, String template) {
    notices.toApplicant(execution, template);
  }

  /** Sets the status the applicant sees, then sends the notice that tells them. */
  public void setStatusAndSend(DelegateExecution execution, String requestStatus, String template) {
    status.set(execution, requestStatus);
    notices.toApplicant(execution, template);
  }
}
