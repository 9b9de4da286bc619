package de.kkb.intake;

import java.time.LocalDate;

import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.RequestStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Submits requests, for the API and the public page alike; {@link ApplicantPortal} answers what follows. */
@Service
public class ConsultationRequestService {

  private final RequestRegister register;
  private final RuntimeService runtimeService;
  private final ProgrammeCalendar programme;

  public ConsultationRequestService(RequestRegister register, RuntimeService runtimeService,
      ProgrammeCalendar programme) {
    this.register = register;
    this.runtimeService = runtimeService;
    this.programme = programme;
  }

  /**
   * Registers the request and starts its process in one transaction: a refusal (duplicate, closed
   * call) leaves neither a register entry nor a process instance behind.
   */
  @Transactional
  public Submitted submit(ConsultationRequestForm form) {
    LocalDate today = EngineClock.today();
    if (today.isAfter(programme.applicationDeadline())) {
      throw new ApplicationDeadlinePassedException(programme.applicationDeadline());
    }
    RequestRegister.Registration registration = register.register(form.ags(), form.municipalityName().strip());
    // The status as the start left it, without another query (the intake benchmark counts them).
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(ConsultationRequestProcess.KEY)
        .businessKey(registration.reference()).setVariables(form.toVariables()).executeWithVariablesInReturn();
    Object status = instance.getVariables().get(ConsultationRequestProcess.Variables.REQUEST_STATUS);
    return new Submitted(registration.reference(), registration.accessToken(),
        status == null ? RequestStatus.RECEIVED.label() : status.toString());
  }

  public record Submitted(String reference, String accessToken, String status) {
  }
}
