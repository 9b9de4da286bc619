package de.kkb.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import de.kkb.support.FreePort;
import de.kkb.support.PostgresDatabases;
import org.w3c.dom.Document;

/**
 * Scenario 5: footprint. Time from process start to readiness and resident memory at readiness of
 * the platform against a bare Camunda Spring Boot starter application that is generated and built
 * in the same run (same Spring Boot and Camunda versions as our pom).
 *
 * <p>Every start is a separate OS process started the same way ({@code java -cp <classes>:<runtime
 * classpath> <main class>}, same JVM flags), on a fresh empty H2 file database in a fresh temporary
 * directory (also the working directory), on a free port. "Ready" is the first 200 of
 * {@code /actuator/health/readiness}, which Spring Boot reports only after the
 * {@code ApplicationReadyEvent} listeners (our demo data) have run. RSS is {@code VmRSS} of the
 * process right at that moment.
 */
public class FootprintBenchmark {

  public static final String KKB_DEMO_DATA = "KKB (demo data)";
  public static final String KKB_NO_DEMO_DATA = "KKB (no demo data)";
  public static final String BARE = "bare Camunda starter";

  /** The same for every application; nothing else is tuned. */
  static final List<String> JVM_FLAGS = List.of("-Duser.timezone=Europe/Berlin");
  static final double TARGET_RATIO = 1.3;
  static final String TARGET = "≤ " + TARGET_RATIO + " × bare";
  static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
  static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  static final Path BENCH_DIR = Path.of("target", "bench");
  static final Path BARE_DIR = BENCH_DIR.resolve("bare-starter");
  static final Path LOG_DIR = BENCH_DIR.resolve("footprint");
  static final String BARE_PACKAGE = "bench.bare";
  static final String BARE_MAIN = BARE_PACKAGE + ".BareStarterApplication";
  static final String KKB_MAIN = "de.kkb.KkbApplication";

  public record Result(String application, double secondsToReady, long rssMiB) {
  }

  private record Application(String name, String mainClass, String classpath, List<String> arguments) {
  }

  /** Where the applications keep their data: a fresh H2 file, or a fresh PostgreSQL database. */
  public enum Database {
    H2, POSTGRES
  }

  public static final String KKB_POSTGRES = "KKB (postgres profile)";
  public static final String BARE_POSTGRES = "bare Camunda starter (PostgreSQL)";

  private record Sample(double secondsToReady, long rssMiB) {
  }

  /**
   * Builds the bare starter, then starts our application (with and without demo data) and the bare
   * starter {@code startsEach} times each, in rotating order, and returns the medians per
   * application: KKB with demo data, KKB without, the bare starter.
   */
  public static List<Result> measure(int startsEach) throws Exception {
    return measure(startsEach, Database.H2);
  }

  /**
   * On H2: KKB with demo data, KKB without, the bare starter. On PostgreSQL: KKB with the
   * {@code postgres} profile (no demo data) and the bare starter, each on a fresh database.
   */
  public static List<Result> measure(int startsEach, Database database) throws Exception {
    if (startsEach < 1) {
      throw new IllegalArgumentException("startsEach must be at least 1, was " + startsEach);
    }
    Path project = Path.of("").toAbsolutePath();
    Files.createDirectories(project.resolve(LOG_DIR));
    String bareClasspath = buildBareStarter(project);
    String ourClasspath = project.resolve("target/classes") + File.pathSeparator
        + readClasspath(project.resolve("target/runtime-classpath.txt"),
            "run ./mvnw -Pbench generate-test-resources (the bench profile's maven-dependency-plugin "
                + "execution 'runtime-classpath')");
    List<Application> applications = database == Database.H2 ? List.of(
        new Application(KKB_DEMO_DATA, KKB_MAIN, ourClasspath, List.of()),
        new Application(KKB_NO_DEMO_DATA, KKB_MAIN, ourClasspath, List.of("--kkb.demo.data=false")),
        new Application(BARE, BARE_MAIN, bareClasspath, List.of())) : List.of(
        new Application(KKB_POSTGRES, KKB_MAIN, ourClasspath, List.of("--spring.profiles.active=postgres")),
        new Application(BARE_POSTGRES, BARE_MAIN, bareClasspath, List.of()));
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    applications.forEach(application -> samples.put(application.name(), new ArrayList<>()));
    for (int round = 0; round < startsEach; round++) {
      // Alternate, and rotate who goes first, so that no application always runs after the same one.
      for (int i = 0; i < applications.size(); i++) {
        Application application = applications.get((round + i) % applications.size());
        samples.get(application.name()).add(startOnce(project, application, round + 1, database));
      }
    }
    List<Result> results = new ArrayList<>();
    samples.forEach((name, list) -> results.add(new Result(name,
        median(list.stream().map(Sample::secondsToReady).toList()),
        Math.round(median(list.stream().map(sample -> (double) sample.rssMiB()).toList())))));
    return results;
  }

  /** Markdown table: header, separator, a row per application with its ratios against the bare starter. */
  public static String table(List<Result> results) {
    Result bare = results.stream().filter(result -> result.application().startsWith(BARE)).findFirst()
        .orElse(null);
    List<String> lines = new ArrayList<>();
    lines.add("| application | seconds to ready | RSS at ready (MiB) | start-up vs. bare | RSS vs. bare | target |");
    lines.add("|---|---|---|---|---|---|");
    for (Result result : results) {
      boolean isBare = result == bare;
      lines.add(String.format(Locale.ROOT, "| %s | %.2f | %d | %s | %s | %s |", result.application(),
          result.secondsToReady(), result.rssMiB(),
          bare == null ? "–" : String.format(Locale.ROOT, "%.2f", result.secondsToReady() / bare.secondsToReady()),
          bare == null ? "–" : String.format(Locale.ROOT, "%.2f", (double) result.rssMiB() / bare.rssMiB()),
          isBare ? "–" : TARGET));
    }
    return String.join("\n", lines);
  }

  /**
   * Each of the platform's rows against the bare starter of its table, as the findings name them:
   * "KKB (no demo data): start-up 1.23, memory 1.16 × bare (target ≤ 1.3): met".
   */
  public static String verdict(List<Result> results) {
    Result bare = results.stream().filter(result -> result.application().startsWith(BARE)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no bare starter among " + results));
    List<String> verdicts = new ArrayList<>();
    for (Result result : results) {
      if (result != bare) {
        double time = result.secondsToReady() / bare.secondsToReady();
        double memory = (double) result.rssMiB() / bare.rssMiB();
        verdicts.add(String.format(Locale.ROOT, "%s: start-up %.2f, memory %.2f × bare (target ≤ %.1f): %s",
            result.application(), time, memory, TARGET_RATIO,
            time <= TARGET_RATIO && memory <= TARGET_RATIO ? "met" : "missed"));
      }
    }
    return String.join("; ", verdicts);
  }

  // --- one start -------------------------------------------------------------------------------

  private static Sample startOnce(Path project, Application application, int number, Database database)
      throws Exception {
    Path directory = Files.createTempDirectory("kkb-footprint-");
    Path log = log(project, application.name(), number);
    int port = FreePort.find();
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(application.classpath());
    command.add(application.mainClass());
    command.add("--server.port=" + port);
    if (database == Database.H2) {
      command.add("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
    } else {
      command.add("--spring.datasource.url=" + PostgresDatabases.fresh("kkb_footprint"));
      command.add("--spring.datasource.username=" + PostgresDatabases.USER);
      command.add("--spring.datasource.password=" + PostgresDatabases.PASSWORD);
    }
    command.add("--management.endpoint.health.probes.enabled=true");
    command.addAll(application.arguments());
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // The default profile as ./mvnw spring-boot:run starts it, whatever the shell running the build has set.
    builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("KKB_"));

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
    long started = System.nanoTime();
    Process process = builder.start();
    Thread reaper = new Thread(() -> stop(process), "footprint-reaper-" + process.pid());
    Runtime.getRuntime().addShutdownHook(reaper);
    try {
      long deadline = started + READY_TIMEOUT.toNanos();
      while (!ready(http, readiness)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(application.name() + " exited with code " + process.exitValue()
              + " before it was ready; log " + log + ":\n" + tail(log));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(application.name() + " was not ready within "
              + READY_TIMEOUT.toSeconds() + " s; log " + log + ":\n" + tail(log));
        }
        Thread.sleep(POLL_INTERVAL.toMillis());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Sample(seconds, rssMiB(process.pid()));
    } finally {
      stop(process);
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      deleteRecursively(directory);
    }
  }

  private static boolean ready(HttpClient http, URI readiness) throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    }
  }

  /** Asks politely (SIGTERM), then kills. */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static long rssMiB(long pid) throws IOException, InterruptedException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (Files.exists(status)) {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024; // kB
        }
      }
      throw new IllegalStateException("no VmRSS in " + status);
    }
    // Not Linux: ps reports the resident set size in KiB as well.
    Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    ps.waitFor();
    return Long.parseLong(out) / 1024;
  }

  // --- the bare starter ------------------------------------------------------------------------

  /** Generates and compiles the bare starter; returns its classes directory and runtime classpath. */
  static String buildBareStarter(Path project) throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(project.resolve("pom.xml").toFile());
    XPath xpath = XPathFactory.newInstance().newXPath();
    String bootVersion = required(xpath.evaluate("/project/parent/version", pom), "parent version");
    String camundaVersion = required(xpath.evaluate("/project/properties/camunda.version", pom),
        "camunda.version");
    String javaVersion = required(xpath.evaluate("/project/properties/java.version", pom), "java.version");

    Path directory = project.resolve(BARE_DIR);
    writeIfChanged(directory.resolve("pom.xml"), barePom(bootVersion, camundaVersion, javaVersion));
    writeIfChanged(directory.resolve("src/main/java/" + BARE_PACKAGE.replace('.', '/')
        + "/BareStarterApplication.java"), """
        package %s;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class BareStarterApplication {

          public static void main(String[] args) {
            SpringApplication.run(BareStarterApplication.class, args);
          }
        }
        """.formatted(BARE_PACKAGE));
    writeIfChanged(directory.resolve("src/main/resources/application.yaml"), """
        spring:
          application:
            name: bare-starter
          datasource:
            url: jdbc:h2:file:./data/bare;DB_CLOSE_ON_EXIT=FALSE
            username: sa
            password: ""
        camunda:
          bpm:
            admin-user:
              id: demo
              password: demo
            history-level: full
        management:
          endpoints:
            web:
              exposure:
                include: health
        """);

    Path classpathFile = directory.resolve("target/runtime-classpath.txt");
    Files.deleteIfExists(classpathFile);
    Path log = directory.resolve("build.log");
    ProcessBuilder builder = new ProcessBuilder(project.resolve("mvnw").toString(), "-q", "-B", "-f",
        directory.resolve("pom.xml").toString(), "test-compile")
        .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process maven = builder.start();
    try {
      if (!maven.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("building the bare starter took longer than "
            + BUILD_TIMEOUT.toMinutes() + " min; log " + log + ":\n" + tail(log));
      }
      if (maven.exitValue() != 0) {
        throw new IllegalStateException("building the bare starter failed with exit code "
            + maven.exitValue() + "; log " + log + ":\n" + tail(log));
      }
    } finally {
      stop(maven);
    }
    return directory.resolve("target/classes") + File.pathSeparator
        + readClasspath(classpathFile, "see " + log);
  }

  /**
   * Spring Boot's parent, Camunda's BOM, the two starters, JDBC, H2 and actuator (for the same
   * readiness probe).
   */
  private static String barePom(String bootVersion, String camundaVersion, String javaVersion) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated by de.kkb.bench.FootprintBenchmark: the baseline of the footprint benchmark. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>%s</version>
            <relativePath/>
          </parent>
          <groupId>bench</groupId>
          <artifactId>bare-starter</artifactId>
          <version>1</version>
          <properties>
            <java.version>%s</java.version>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>org.camunda.bpm</groupId>
                <artifactId>camunda-bom</artifactId>
                <version>%s</version>
                <type>pom</type>
                <scope>import</scope>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>org.camunda.bpm.springboot</groupId>
              <artifactId>camunda-bpm-spring-boot-starter-webapp</artifactId>
            </dependency>
            <dependency>
              <groupId>org.camunda.bpm.springboot</groupId>
              <artifactId>camunda-bpm-spring-boot-starter-rest</artifactId>
            </dependency>
            <!-- The data source and transaction manager the engine needs (start.camunda.com adds it too). -->
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-jdbc</artifactId>
            </dependency>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-actuator</artifactId>
            </dependency>
            <dependency>
              <groupId>com.h2database</groupId>
              <artifactId>h2</artifactId>
              <scope>runtime</scope>
            </dependency>
            <dependency>
              <groupId>org.postgresql</groupId>
              <artifactId>postgresql</artifactId>
              <scope>runtime</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-dependency-plugin</artifactId>
                <executions>
                  <execution>
                    <id>runtime-classpath</id>
                    <phase>generate-test-resources</phase>
                    <goals>
                      <goal>build-classpath</goal>
                    </goals>
                    <configuration>
                      <includeScope>runtime</includeScope>
                      <outputFile>${project.build.directory}/runtime-classpath.txt</outputFile>
                    </configuration>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(bootVersion, javaVersion, camundaVersion);
  }

  // --- helpers ---------------------------------------------------------------------------------

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String javaExecutable() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    if (Files.isExecutable(java)) {
      return java.toString();
    }
    return ProcessHandle.current().info().command()
        .orElseThrow(() -> new IllegalStateException("no java executable found"));
  }

  private static String readClasspath(Path file, String hint) throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " is missing; " + hint);
    }
    return Files.readString(file).trim();
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("pom.xml has no " + what);
    }
    return value.trim();
  }

  private static void writeIfChanged(Path file, String content) throws IOException {
    if (Files.exists(file) && Files.readString(file).equals(content)) {
      return; // keep the timestamp, so Maven has nothing to recompile
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** The output of an application's {@code start}-th start (counted from 1) in the last measurement. */
  static Path log(Path project, String application, int start) {
    return project.resolve(LOG_DIR).resolve(slug(application) + "-" + start + ".log");
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is no reason to fail the benchmark
    }
  }
}
