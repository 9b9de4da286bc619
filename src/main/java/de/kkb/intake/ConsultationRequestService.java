package de.kkb.intake;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import de.kkb.platform.ConnectionFailures;
import de.kkb.platform.DatabaseConnections;
import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.ConsultationRequestProcess;
import de.kkb.vocabulary.RequestStatus;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Submits requests, for the API and the public page alike; {@link ApplicantPortal} answers what follows. */
@Service
public class ConsultationRequestService {

  /**
   * How long the take-back tries, each try on a fresh connection that waits for the database: longer
   * than a restart of the database takes (docs/operations.md, "Faults").
   */
  static final Duration TAKE_BACK_PATIENCE = Duration.ofSeconds(20);

  private final RequestRegister register;
  private final RuntimeService runtimeService;
  private final ProgrammeCalendar programme;
  private final TransactionTemplate separately;
  private final HistoryService historyService;
  private final DatabaseConnections connections;

  public ConsultationRequestService(RequestRegister register, RuntimeService runtimeService,
      ProgrammeCalendar programme, PlatformTransactionManager transactions, HistoryService historyService,
      DatabaseConnections connections) {
    this.register = register;
    this.runtimeService = runtimeService;
    this.programme = programme;
    this.historyService = historyService;
    this.connections = connections;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Registers the request in a short transaction of its own, then starts its process. The register
   * locks the round until its transaction ends; held through the start (decision, notices, first
   * task) it let one request in at a time, and the others waited (docs/benchmarks.md, scenario 4).
   * A refusal (duplicate, closed call) leaves nothing behind; a start that fails takes its
   * registration back, so the municipality may apply again.
   *
   * <p>A lost database connection (a restart) may fail the registration's commit after it reached the
   * database, the start after it committed, or the take-back itself: the take-back looks whether the
   * process exists (then the request was received after all) and is tried again on fresh connections
   * for {@link #TAKE_BACK_PATIENCE}, so that a request answered 503 leaves nothing behind.
   */
  public Submitted submit(ConsultationRequestForm form) {
    LocalDate today = EngineClock.today();
    if (today.isAfter(programme.applicationDeadline())) {
      throw new ApplicationDeadlinePassedException(programme.applicationDeadline());
    }
    AtomicReference<RequestRegister.Registration> made = new AtomicReference<>();
    RequestRegister.Registration registration;
    try {
      registration = separately.execute(status -> {
        made.set(register.register(form.ags(), form.municipalityName().strip()));
        return made.get();
      });
    } catch (RuntimeException e) {
      if (made.get() == null || !ConnectionFailures.isConnectionFailure(e)) {
        throw e;
      }
      // The commit met the lost connection and may have reached the database all the same.
      return afterLostConnection(made.get(), e);
    }
    ProcessInstanceWithVariables instance;
    try {
      // The status as the start left it, without another query (the intake benchmark counts them).
      instance = runtimeService.createProcessInstanceByKey(ConsultationRequestProcess.KEY)
          .businessKey(registration.reference()).setVariables(form.toVariables()).executeWithVariablesInReturn();
    } catch (RuntimeException e) {
      if (!ConnectionFailures.isConnectionFailure(e)) {
        separately.executeWithoutResult(status -> register.forget(registration.reference()));
        throw e;
      }
      return afterLostConnection(registration, e);
    }
    Object status = instance.getVariables().get(ConsultationRequestProcess.Variables.REQUEST_STATUS);
    return new Submitted(registration.reference(), registration.accessToken(),
        status == null ? RequestStatus.RECEIVED.label() : status.toString());
  }

  /**
   * The start met a lost connection: takes the registration back unless the start committed after
   * all, in which case the request was received.
   */
  private Submitted afterLostConnection(RequestRegister.Registration registration, RuntimeException lost) {
    boolean startedAfterAll;
    try {
      startedAfterAll = connections.retryingFor(TAKE_BACK_PATIENCE,
          () -> separately.execute(status -> register.forgetUnlessStarted(registration.reference())));
    } catch (RuntimeException takeBackFailed) {
      // Still unreachable: the registration stays behind as an orphan (RequestRegister#orphaned).
      lost.addSuppressed(takeBackFailed);
      throw lost;
    }
    if (!startedAfterAll) {
      throw lost;
    }
    return new Submitted(registration.reference(), registration.accessToken(), currentStatus(registration));
  }

  /** The status of a request whose start committed although its caller saw the connection fail. */
  private String currentStatus(RequestRegister.Registration registration) {
    try {
      return statusFromHistory(registration);
    } catch (RuntimeException e) {
      // The request is received; its status is only information and must not turn the answer into a 503.
      return RequestStatus.RECEIVED.label();
    }
  }

  private String statusFromHistory(RequestRegister.Registration registration) {
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(registration.reference()).list().stream()
        .flatMap(instance -> historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(ConsultationRequestProcess.Variables.REQUEST_STATUS).list().stream())
        .map(variable -> String.valueOf(variable.getValue())).findFirst()
        .orElse(RequestStatus.RECEIVED.label());
  }

  public record Submitted(String reference, String accessToken, String status) {
  }
}
