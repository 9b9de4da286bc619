package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import de.kkb.platform.DatabaseConnections;
import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;

/** The registration has its own short transaction, so a start that fails must take it back. */
class ConsultationRequestServiceTest {

  @Test
  void aStartThatFailsTakesItsRegistrationBack() {
    RequestRegister register = mock(RequestRegister.class);
    when(register.register("05315000", "Köln"))
        .thenReturn(new RequestRegister.Registration("KKB-2023-001", "token"));
    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    when(runtime.createProcessInstanceByKey(any()).businessKey(any()).setVariables(any())
        .executeWithVariablesInReturn()).thenThrow(new ProcessEngineException("Datenbank nicht erreichbar"));
    ConsultationRequestService service = service(register, runtime);

    assertThatThrownBy(() -> service.submit(form()))
        .isInstanceOf(ProcessEngineException.class).hasMessage("Datenbank nicht erreichbar");
    verify(register).forget("KKB-2023-001");
  }

  @Test
  void aStartThatLostItsConnectionTakesItsRegistrationBackUnlessItCommittedAfterAll() {
    RequestRegister register = mock(RequestRegister.class);
    when(register.register("05315000", "Köln"))
        .thenReturn(new RequestRegister.Registration("KKB-2023-001", "token"))
        .thenReturn(new RequestRegister.Registration("KKB-2023-002", "token2"));
    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    ProcessEngineException lost = new ProcessEngineException("persistence",
        new SQLException("terminating connection due to administrator command", "57P01"));
    when(runtime.createProcessInstanceByKey(any()).businessKey(any()).setVariables(any())
        .executeWithVariablesInReturn()).thenThrow(lost);
    // The take-back meets a dead connection once, then reaches the database again.
    when(register.forgetUnlessStarted("KKB-2023-001"))
        .thenThrow(new CannotGetJdbcConnectionException("pool", new SQLException("closed", "08003")))
        .thenReturn(false);
    when(register.forgetUnlessStarted("KKB-2023-002")).thenReturn(true);
    ConsultationRequestService service = service(register, runtime);

    assertThatThrownBy(() -> service.submit(form())).isSameAs(lost);
    verify(register, times(2)).forgetUnlessStarted("KKB-2023-001");
    verify(register, never()).forget(any());

    // The second start committed before its connection died: received after all.
    assertThat(service.submit(form()).reference()).isEqualTo("KKB-2023-002");
  }

  @Test
  void aRegistrationWhoseCommitLostItsConnectionIsTakenBackAndNothingStarts() {
    RequestRegister register = mock(RequestRegister.class);
    when(register.register("05315000", "Köln")).thenReturn(new RequestRegister.Registration("KKB-2023-001", "token"));
    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    // The registration's commit: the connection is terminated while it is under way.
    TransactionSystemException lost = new TransactionSystemException("commit",
        new SQLException("terminating connection due to administrator command", "57P01"));
    doThrow(lost).doNothing().when(transactions).commit(any());
    ConsultationRequestService service = service(register, runtime, transactions);

    assertThatThrownBy(() -> service.submit(form())).isSameAs(lost);
    verify(register).forgetUnlessStarted("KKB-2023-001");
    verify(runtime, never()).createProcessInstanceByKey(any());
  }

  private static ConsultationRequestService service(RequestRegister register, RuntimeService runtime) {
    return service(register, runtime, mock(PlatformTransactionManager.class));
  }

  private static ConsultationRequestService service(RequestRegister register, RuntimeService runtime,
      PlatformTransactionManager transactions) {
    ProgrammeCalendar programme = mock(ProgrammeCalendar.class);
    when(programme.applicationDeadline()).thenReturn(LocalDate.of(9999, 12, 31));
    return new ConsultationRequestService(register, runtime, programme,
        transactions, mock(HistoryService.class, RETURNS_DEEP_STUBS),
        new DatabaseConnections(mock(DataSource.class)));
  }

  private static ConsultationRequestForm form() {
    return new ConsultationRequestForm(" Köln ", "STADT", "05315000", 20000,
        "Ansprechperson", "Büro", "rathaus@koeln.example.org", null, true,
        "In der Innenstadt streiten Verwaltung, Vereine und Anwohnende seit Monaten.", null, null,
        LocalDate.of(2023, 10, 1));
  }
}
