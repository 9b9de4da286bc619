package de.kkb.intake;

import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The status an applicant sees, kept in the variable {@code requestStatus} as the label of a
 * {@link RequestStatus}. Called from the request model's steps "Status „…“ setzen":
 * {@code ${requestStatusTracker.set(execution, 'Vorgespräch')}}, and by {@link ApplicantNotices}.
 */
@Component
public class RequestStatusTracker {

  public void set(DelegateExecution execution, String label) {
    execution.getProcessInstance().setVariable(ConsultationRequestProcess.Variables.REQUEST_STATUS,
        RequestStatus.ofLabel(label).label());
  }
}
