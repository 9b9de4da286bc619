package de.kkb.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code kkb.programme.carriers}: a list in the order of the forms, K3B and forumZFD by default. */
class CarrierConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Bound.class);

  @Test
  void withoutConfigurationTheCarriersAreK3BAndForumZfdInThisOrder() {
    context.run(started -> {
      ProgrammeCalendar programme = new ProgrammeCalendar(started.getBean(ProgrammeProperties.class),
          LocalDate.of(2023, 6, 1));
      assertThat(programme.consultantGroups()).containsExactly("consultants-k3b", "consultants-forumzfd");
      assertThat(programme.carriers()).containsExactly(
          Map.entry("K3B", "consultants-k3b"), Map.entry("forumZFD", "consultants-forumzfd"));
      assertThat(programme.carrierList()).extracting(Carrier::label).containsExactly(
          "K3B – Kompetenzzentrum Kommunale Konfliktberatung", "forumZFD – Forum Ziviler Friedensdienst");
      assertThat(programme.carrierList()).extracting(Carrier::groupName)
          .containsExactly("Berater:innen K3B", "Berater:innen forumZFD");
    });
  }

  @Test
  void aListOfCarriersBindsInItsOrderWithTheNameAsDefaultLabel() {
    context.withPropertyValues(
        "kkb.programme.carriers[0].name=Dritter Träger", "kkb.programme.carriers[0].group=consultants-drei",
        "kkb.programme.carriers[1].name=K3B", "kkb.programme.carriers[1].group=consultants-k3b",
        "kkb.programme.carriers[1].label=K3B – Kompetenzzentrum").run(started -> {
          List<Carrier> carriers = started.getBean(ProgrammeProperties.class).carriers();
          assertThat(carriers).containsExactly(
              new Carrier("Dritter Träger", "consultants-drei", "Dritter Träger"),
              new Carrier("K3B", "consultants-k3b", "K3B – Kompetenzzentrum"));
          assertThat(carriers.get(0).groupName()).isEqualTo("Berater:innen Dritter Träger");
        });
  }

  @Test
  void theEarlierMapFormStopsTheStartInsteadOfBeingIgnored() {
    context.withPropertyValues("kkb.programme.carriers.K3B=consultants-k3b").run(started ->
        assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessageContaining("kkb.programme.carriers"));
  }

  @Test
  void everyCarrierNeedsANameAndAGroupOfItsOwn() {
    assertThatThrownBy(() -> properties(new Carrier("A", "consultants-a", null),
        new Carrier("B", "consultants-a", null))).hasMessageContaining("consultants-a");
    assertThatThrownBy(() -> properties(new Carrier("A", "consultants-a", null),
        new Carrier("a", "consultants-b", null))).hasMessageContaining("mehrfach");
    assertThatThrownBy(() -> properties(new Carrier("Steuerung", "programme-management", null)))
        .as("a fixed group is no carrier's").hasMessageContaining("programme-management");
    assertThatThrownBy(() -> properties(new Carrier("Admins", "camunda-admin", null)))
        .hasMessageContaining("camunda-admin");
    assertThatThrownBy(() -> new Carrier("Drei", "consultants drei", null))
        .hasMessageContaining("Gruppen-Id");
    assertThatThrownBy(() -> new Carrier(" ", "consultants-drei", null)).hasMessageContaining("Namen");
  }

  private static ProgrammeProperties properties(Carrier... carriers) {
    return new ProgrammeProperties(LocalDate.of(2023, 6, 1), LocalDate.of(2025, 12, 31),
        LocalDate.of(2023, 9, 30), 4, List.of(carriers), false);
  }

  @Configuration
  @EnableConfigurationProperties(ProgrammeProperties.class)
  static class Bound {
  }
}
