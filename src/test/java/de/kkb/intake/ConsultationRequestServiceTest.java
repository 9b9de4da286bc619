package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import de.kkb.programme.ProgrammeCalendar;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

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
    ProgrammeCalendar programme = mock(ProgrammeCalendar.class);
    when(programme.applicationDeadline()).thenReturn(LocalDate.of(9999, 12, 31));
    ConsultationRequestService service = new ConsultationRequestService(register, runtime, programme,
        mock(PlatformTransactionManager.class));

    assertThatThrownBy(() -> service.submit(new ConsultationRequestForm(" Köln ", "STADT", "05315000", 20000,
        "Ansprechperson", "Büro", "rathaus@koeln.example.org", null, true,
        "In der Innenstadt streiten Verwaltung, Vereine und Anwohnende seit Monaten.", null, null,
        LocalDate.of(2023, 10, 1))))
        .isInstanceOf(ProcessEngineException.class).hasMessage("Datenbank nicht erreichbar");
    verify(register).forget("KKB-2023-001");
  }
}
