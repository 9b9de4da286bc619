package de.kkb.support;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.kkb.KkbApplication;

/**
 * Several platform nodes on one database, each a separate {@code java} process started from the
 * test classpath, as an operator runs a cluster. {@link #start} launches them all at once and
 * returns when every node answers {@code /actuator/health} with UP; each node's output goes to
 * {@code target/nodes/<name>-<n>.log}. {@link #close()} kills them (the benchmark reuses this class).
 */
public final class PlatformNodes implements AutoCloseable {

  /** How long a node may take to come up before the test gives up on it (a hang, not a speed limit). */
  private static final Duration START_LIMIT = Duration.ofMinutes(6);
  /** Flags for a short-lived node: C1 only and the JDK's class-data archive, to start faster. */
  public static final List<String> FAST_START_JVM = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto",
      "-XX:+UseSerialGC", "-Xmx768m");

  /** In a property's value, the node's number (from 1), e.g. to tell the nodes apart in the job log. */
  public static final String NODE = "{node}";

  private final List<Node> nodes;

  private PlatformNodes(List<Node> nodes) {
    this.nodes = nodes;
  }

  /**
   * Starts {@code count} nodes within the same moment on the database {@code databaseUrl}, with
   * the Spring profiles and further {@code name=value} properties (command-line arguments; {@value #NODE}
   * in one stands for the node's number), and
   * waits until all are healthy. A node that dies first fails the start, with its log's end.
   */
  public static PlatformNodes start(String name, int count, String databaseUrl, List<String> profiles,
      List<String> properties) {
    return start(name, count, databaseUrl, profiles, properties, FAST_START_JVM);
  }

  /** As {@link #start(String, int, String, List, List)}, with the nodes' JVM flags. */
  public static PlatformNodes start(String name, int count, String databaseUrl, List<String> profiles,
      List<String> properties, List<String> jvm) {
    List<Node> started = new ArrayList<>();
    PlatformNodes cluster = new PlatformNodes(started);
    try {
      for (int i = 1; i <= count; i++) {
        started.add(launch(name, i, databaseUrl, profiles, properties, jvm));
      }
      for (Node node : started) {
        node.awaitHealthy();
      }
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  /** Kills every node that still runs and waits until it is gone. */
  @Override
  public void close() {
    for (Node node : nodes) {
      node.process().destroyForcibly();
    }
    for (Node node : nodes) {
      try {
        node.process().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Node launch(String name, int index, String databaseUrl, List<String> profiles,
      List<String> properties, List<String> jvm) {
    int port = FreePort.find();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-Duser.timezone=Europe/Berlin");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(classpath());
    command.add(KkbApplication.class.getName());
    command.add("--spring.profiles.active=" + String.join(",", profiles));
    command.add("--spring.datasource.url=" + databaseUrl);
    command.add("--spring.datasource.username=" + PostgresDatabases.USER);
    command.add("--spring.datasource.password=" + PostgresDatabases.PASSWORD);
    command.add("--server.port=" + port);
    for (String property : properties) {
      command.add("--" + property.replace(NODE, String.valueOf(index)));
    }
    Path log = Path.of("target", "nodes", name + "-" + index + ".log");
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      return new Node(index, port, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("node " + index + " did not start", e);
    }
  }

  /** The test classpath (surefire names it in a property of its own when it uses a manifest jar). */
  static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return String.join(File.pathSeparator, path.split(File.pathSeparator));
  }

  /** One node: its number (from 1), HTTP port, process and log file. */
  public record Node(int index, int port, Process process, Path log) {

    public HttpSession http() {
      return new HttpSession(port);
    }

    public String baseUrl() {
      return "http://localhost:" + port;
    }

    public String logText() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void awaitHealthy() {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
          .timeout(Duration.ofSeconds(5)).build();
      long deadline = System.nanoTime() + START_LIMIT.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("node " + index + " ended with exit code " + process.exitValue()
              + " before it was healthy; its log " + log + " ends with:\n" + tail());
        }
        try {
          HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new AssertionError("node " + index + " not healthy after " + START_LIMIT + "; log " + log
          + " ends with:\n" + tail());
    }

    private String tail() {
      String text = logText();
      return text.substring(Math.max(0, text.length() - 6000));
    }
  }
}
