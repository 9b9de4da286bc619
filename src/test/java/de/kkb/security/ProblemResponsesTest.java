package de.kkb.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.kkb.support.HttpSession;
import org.junit.jupiter.api.Test;

/** Who gets a German page instead of problem+json: browsers opening a page, and only they. */
class ProblemResponsesTest {

  @Test
  void aBrowserOpeningAPageGetsHtml() {
    assertThat(ProblemResponses.prefersHtml(HttpSession.BROWSER_ACCEPT)).isTrue();
    assertThat(ProblemResponses.prefersHtml("text/html")).isTrue();
  }

  @Test
  void apiClientsAndTheWebappsScriptsGetJson() {
    assertThat(ProblemResponses.prefersHtml("application/json, text/plain, */*")).isFalse();
    assertThat(ProblemResponses.prefersHtml("application/json, text/html;q=0.9, */*;q=0.8")).isFalse();
    assertThat(ProblemResponses.prefersHtml("application/hal+json")).isFalse();
    assertThat(ProblemResponses.prefersHtml("*/*")).isFalse();
    assertThat(ProblemResponses.prefersHtml(null)).isFalse();
    assertThat(ProblemResponses.prefersHtml("kein/typ;;;==")).isFalse();
  }
}
