package de.kkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The footprint scenario once per application, so that its harness cannot rot. It builds the bare
 * starter with a Maven build of its own and starts every application as a separate process, so it
 * runs with the benchmark ({@code ./mvnw verify -Pbench}), not with {@code ./mvnw verify}.
 */
@Tag("bench")
class FootprintSmokeTest {

  /** Spring Boot's start-up line: the JVM's own uptime when the context had started. */
  static final Pattern STARTED = Pattern.compile(
      "Started (\\w+) in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

  @Test
  void footprintScenarioCompletes() throws Exception {
    List<FootprintBenchmark.Result> results = FootprintBenchmark.measure(1);
    assertThat(results).extracting(FootprintBenchmark.Result::application).containsExactly(
        FootprintBenchmark.KKB_DEMO_DATA, FootprintBenchmark.KKB_NO_DEMO_DATA, FootprintBenchmark.BARE);
    assertMeasured(results, "KkbApplication", "KkbApplication", "BareStarterApplication");
    assertThat(log(FootprintBenchmark.KKB_DEMO_DATA)).as("the demo data was part of the start")
        .contains("Demo data created");
    assertThat(log(FootprintBenchmark.KKB_NO_DEMO_DATA)).doesNotContain("Demo data created");
  }

  @Test
  @Tag("postgres")
  void footprintScenarioCompletesOnPostgres() throws Exception {
    List<FootprintBenchmark.Result> results = FootprintBenchmark.measure(1, FootprintBenchmark.Database.POSTGRES);
    assertThat(results).extracting(FootprintBenchmark.Result::application)
        .containsExactly(FootprintBenchmark.KKB_POSTGRES, FootprintBenchmark.BARE_POSTGRES);
    assertMeasured(results, "KkbApplication", "BareStarterApplication");
    assertThat(log(FootprintBenchmark.KKB_POSTGRES)).contains("1 profile is active: \"postgres\"");
  }

  /**
   * Each figure belongs to the application named, started as a process of its own: its log shows
   * its main class started, readiness came no sooner than that, the process held more than a bare
   * JVM's memory, and the table shows the figures measured.
   */
  static void assertMeasured(List<FootprintBenchmark.Result> results, String... mainClasses) throws Exception {
    String table = FootprintBenchmark.table(results);
    for (int i = 0; i < results.size(); i++) {
      FootprintBenchmark.Result result = results.get(i);
      Matcher started = STARTED.matcher(log(result.application()));
      assertThat(started.find()).as("%s started, according to its log", result.application()).isTrue();
      assertThat(started.group(1)).isEqualTo(mainClasses[i]);
      assertThat(result.secondsToReady()).as("%s: ready no sooner than started", result.application())
          .isGreaterThanOrEqualTo(Double.parseDouble(started.group(2)));
      assertThat(result.rssMiB()).isGreaterThan(50);
      assertThat(table).contains(String.format(Locale.ROOT, "| %s | %.2f | %d |", result.application(),
          result.secondsToReady(), result.rssMiB()));
    }
  }

  static String log(String application) throws Exception {
    return Files.readString(FootprintBenchmark.log(Path.of("").toAbsolutePath(), application, 1));
  }
}
