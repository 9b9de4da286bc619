package de.kkb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.kkb.support.PostgresDatabases;

/**
 * Scenario 2's yardstick: the transactions per second of {@code pgbench -b tpcb-like} on the same
 * PostgreSQL, with as many clients as the lifecycle benchmark has threads.
 */
public final class PgbenchBenchmark {

  static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
  static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: ([0-9]+)");

  /** The rate pgbench reported, and the transactions it counted for it. */
  public record Result(double tps, long transactions) {
  }

  private PgbenchBenchmark() {
  }

  /** The tpcb-like rate on a fresh database of the given scale (one branch per client or more). */
  public static double tps(int clients, int scale, int seconds) throws Exception {
    return run(clients, scale, seconds).tps();
  }

  /** {@link #tps}, with the number of transactions behind the rate. */
  public static Result run(int clients, int scale, int seconds) throws Exception {
    String database = PostgresDatabases.PREFIX + "kkb_pgbench";
    PostgresDatabases.fresh("kkb_pgbench");
    String[] hostPort = PostgresDatabases.HOST.split(":");
    List<String> connection = List.of("-h", hostPort[0], "-p", hostPort.length > 1 ? hostPort[1] : "5432",
        "-U", PostgresDatabases.USER);
    execute(command(connection, "-i", "-q", "-s", String.valueOf(scale), database));
    String output = execute(command(connection, "-b", "tpcb-like", "-c", String.valueOf(clients),
        "-j", String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
        "-T", String.valueOf(seconds), database));
    Matcher tps = TPS.matcher(output);
    Matcher transactions = TRANSACTIONS.matcher(output);
    if (!tps.find() || !transactions.find()) {
      throw new IllegalStateException("pgbench printed no rate:\n" + output);
    }
    return new Result(Double.parseDouble(tps.group(1)), Long.parseLong(transactions.group(1)));
  }

  private static List<String> command(List<String> connection, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(connection);
    command.addAll(List.of(arguments));
    return command;
  }

  /** pgbench ships with the server: on PATH, or next to Debian's PostgreSQL binaries. */
  static Path binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "pgbench");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (String version : List.of("17", "16", "15", "14")) {
      Path candidate = Path.of("/usr/lib/postgresql", version, "bin", "pgbench");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("pgbench not found: install the PostgreSQL client tools");
  }

  private static String execute(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (!PostgresDatabases.PASSWORD.isEmpty()) {
      builder.environment().put("PGPASSWORD", PostgresDatabases.PASSWORD);
    }
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n"
          + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
