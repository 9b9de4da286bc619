package de.kkb.intake;

import java.time.LocalDate;

import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.RequestStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Submits requests, for the API and the public page alike; {@link ApplicantPortal} answers what follows. */
@Service
public class ConsultationRequestService {

  private final RequestRegister register;
  private final RuntimeService runtimeService;
  private final ProgrammeCalendar programme;
  private final TransactionTemplate separately;

  public ConsultationRequestService(RequestRegister register, RuntimeService runtimeService,
      ProgrammeCalendar programme, PlatformTransactionManager transactions) {
    this.register = register;
    this.runtimeService = runtimeService;
    this.programme = programme;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Registers the request in a short transaction of its own, then starts its process. The register
   * locks the round until its transaction ends; held through the start (decision, notices, first
   * task) it let one request in at a time, and the others waited (docs/benchmarks.md, scenario 4).
   * A refusal (duplicate, closed call) leaves nothing behind; a start that fails takes its
   * registration back, so the municipality may apply again.
   */
  public Submitted submit(ConsultationRequestForm form) {
    LocalDate today = EngineClock.today();
    if (today.isAfter(programme.applicationDeadline())) {
      throw new ApplicationDeadlinePassedException(programme.applicationDeadline());
    }
    RequestRegister.Registration registration = separately.execute(
        status -> register.register(form.ags(), form.municipalityName().strip()));
    ProcessInstanceWithVariables instance;
    try {
      // The status as the start left it, without another query (the intake benchmark counts them).
      instance = runtimeService.createProcessInstanceByKey(ConsultationRequestProcess.KEY)
          .businessKey(registration.reference()).setVariables(form.toVariables()).executeWithVariablesInReturn();
    } catch (RuntimeException e) {
      separately.executeWithoutResult(status -> register.forget(registration.reference()));
      throw e;
    }
    Object status = instance.getVariables().get(ConsultationRequestProcess.Variables.REQUEST_STATUS);
    return new Submitted(registration.reference(), registration.accessToken(),
        status == null ? RequestStatus.RECEIVED.label() : status.toString());
  }

  public record Submitted(String reference, String accessToken, String status) {
  }
}
