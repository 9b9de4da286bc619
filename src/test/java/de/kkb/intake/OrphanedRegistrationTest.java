package de.kkb.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import de.kkb.support.EngineTime;
import de.kkb.support.Jobs;
import de.kkb.support.PlatformTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request is registered in a transaction of its own before its process starts; a node that dies in
 * between leaves a registration without a process, which must not block the municipality for good.
 */
@PlatformTest
@EngineTime("2023-07-03T09:00")
class OrphanedRegistrationTest {

  static final String AGS = "05999101";

  @Autowired
  RequestRegister register;
  @Autowired
  ConsultationRequestService service;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aRegistrationWithoutProcessBlocksTheMunicipalityOnlyUntilNoStartCanStillBeUnderWay() {
    // What a node that died between the two transactions leaves behind.
    RequestRegister.Registration orphan = new TransactionTemplate(transactions)
        .execute(status -> register.register(AGS, "Verwaiststadt"));

    // Right after, its start may still be under way: the municipality's second request is refused.
    assertThatThrownBy(() -> service.submit(form())).isInstanceOf(DuplicateRequestException.class);

    Jobs.setClock("2023-07-03T09:11");
    ConsultationRequestService.Submitted submitted = service.submit(form());
    assertThat(submitted.reference()).isNotEqualTo(orphan.reference());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(submitted.reference())
        .count()).isOne();
    // The orphan stays in the register, no longer open; the new request is the open one.
    assertThat(jdbc.queryForList("SELECT reference FROM kkb_request WHERE open_ags = ?", String.class, AGS))
        .containsExactly(submitted.reference());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkb_request WHERE reference = ?", Integer.class,
        orphan.reference())).isOne();

    // A request whose process runs still blocks the next one, however old it is.
    Jobs.setClock("2023-07-04T09:00");
    assertThatThrownBy(() -> service.submit(form())).isInstanceOf(DuplicateRequestException.class);
  }

  private static ConsultationRequestForm form() {
    return new ConsultationRequestForm("Verwaiststadt", "STADT", AGS, 20000, "Ansprechperson", "Büro",
        "rathaus@verwaiststadt.example.org", null, true,
        "In der Innenstadt streiten Verwaltung, Vereine und Anwohnende seit Monaten.", null, null,
        LocalDate.of(2023, 10, 1));
  }
}
