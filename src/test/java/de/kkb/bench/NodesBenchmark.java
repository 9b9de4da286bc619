package de.kkb.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import de.kkb.support.HttpSession;
import de.kkb.support.PlatformNodes;
import de.kkb.support.PostgresDatabases;

/**
 * Scenario 7: the same HTTP load on one platform node, then on two nodes on one PostgreSQL database
 * (each on a fresh database), the nodes separate {@code java} processes as an operator runs them and
 * the requests spread round robin as a load balancer spreads them. One unit of load is what the two
 * busiest kinds of people do: a municipality's request ({@code POST /api/consultation-requests}) and
 * programme management's Tasklist reading the first page of its tasks, with its webapp session
 * (logged in on the first node, used on every node). Besides units per second and latency it
 * measures where the limit is: how busy the machine's cores were, the CPU each node used, the
 * database's commits and its busy connections.
 */
public final class NodesBenchmark {

  static final String TASK_PAGE = "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15";
  static final String TASK_PAGE_QUERY = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
      + "\"active\":true}";
  /** Heap and nothing else: the nodes run as the platform runs, with the JIT's full optimisation. */
  static final List<String> NODE_JVM = List.of("-Xmx1g");

  /** The figures of one run: {@code nodes} nodes, the load's units, and where the time went. */
  public record Result(int nodes, int units, double unitsPerSecond, double p50Millis, double p95Millis, int errors,
      List<Integer> unitsPerNode, double machineBusy, double nodeCpuMillisPerUnit, double commitsPerUnit,
      double busyConnections, Map<String, Integer> failures) {
  }

  private NodesBenchmark() {
  }

  /** Starts {@code nodes} nodes on a fresh database, sends the load, and stops them. */
  public static Result run(int nodes, int clients, Duration warmUp, Duration measured) throws Exception {
    String database = "kkb_bench_nodes_" + nodes;
    String url = PostgresDatabases.fresh(database);
    try (PlatformNodes cluster = PlatformNodes.start("bench-nodes-" + nodes, nodes, url, List.of("postgres"),
        List.of("kkb.intake.max-requests-per-minute=100000000",
            // The demo round, moved into the present: the intake takes requests today.
            "kkb.programme.shift-to-today=true"),
        NODE_JVM)) {
      return measure(cluster, PostgresDatabases.PREFIX + database, clients, warmUp, measured);
    }
  }

  /** The load against running nodes: warmed up, then measured. */
  static Result measure(PlatformNodes cluster, String database, int clients, Duration warmUp, Duration measured)
      throws Exception {
    List<Client> people = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      people.add(Client.loggedIn(cluster, c));
    }
    send(people, warmUp, new Samples(cluster.nodes().size()));

    Samples samples = new Samples(cluster.nodes().size());
    long[] cpuBefore = nodeCpuNanos(cluster);
    CpuTicks machineBefore = CpuTicks.read();
    long commitsBefore = commits(database);
    try (ConnectionSampler connections = ConnectionSampler.start(database)) {
      long nanos = send(people, measured, samples);
      CpuTicks machineAfter = CpuTicks.read();
      long commits = commits(database) - commitsBefore;
      long[] cpuAfter = nodeCpuNanos(cluster);
      long nodeCpu = 0;
      for (int i = 0; i < cpuAfter.length; i++) {
        nodeCpu += cpuAfter[i] - cpuBefore[i];
      }
      List<Long> sorted = new ArrayList<>(samples.latencies);
      Collections.sort(sorted);
      int units = sorted.size();
      List<Integer> perNode = new ArrayList<>();
      for (int i = 0; i < samples.perNode.length(); i++) {
        perNode.add((int) samples.perNode.get(i));
      }
      return new Result(cluster.nodes().size(), units, units / (nanos / 1e9),
          IntakeBenchmark.percentile(sorted, 0.50), IntakeBenchmark.percentile(sorted, 0.95), samples.errors.get(),
          perNode, machineAfter.busySince(machineBefore), units == 0 ? 0 : nodeCpu / 1e6 / units,
          units == 0 ? 0 : commits / (double) units, connections.mean(), new TreeMap<>(samples.failures));
    }
  }

  /** One person's browser and one municipality's system: the webapp session is valid on every node. */
  record Client(int index, List<HttpSession> tasklist, List<HttpSession> intake) {

    static Client loggedIn(PlatformNodes cluster, int index) {
      HttpSession first = cluster.node(0).http();
      HttpResponse<String> login = first.webappLogin("tasklist", "steuerung", "demo");
      if (login.statusCode() != 200) {
        throw new IllegalStateException("Tasklist login of steuerung: " + login.statusCode());
      }
      // Tasklist's first request after the login: the webapps hand out the session's new CSRF token.
      HttpResponse<String> user = first.get("/camunda/api/admin/auth/user/default");
      if (user.statusCode() != 200) {
        throw new IllegalStateException("Tasklist's user of steuerung: " + user.statusCode());
      }
      List<HttpSession> tasklist = new ArrayList<>();
      List<HttpSession> intake = new ArrayList<>();
      for (PlatformNodes.Node node : cluster.nodes()) {
        tasklist.add(first.on(node.port()));
        intake.add(node.http());
      }
      return new Client(index, tasklist, intake);
    }

    /** One unit on the node {@code node}: what was not answered as it should be, e.g. "Tasklist 403", or null. */
    String unit(int node) {
      HttpResponse<String> request = intake.get(node).postJson(IntakeBenchmark.PLATFORM_PATH,
          // The nodes run on today's clock (the round shifted to today): the desired start lies ahead.
          IntakeBenchmark.body(LocalDate.now().plusMonths(3)));
      HttpResponse<String> page = tasklist.get(node).postJson(TASK_PAGE, TASK_PAGE_QUERY);
      if (request.statusCode() != 201) {
        return "intake " + request.statusCode();
      }
      return page.statusCode() == 200 ? null : "Tasklist " + page.statusCode();
    }
  }

  static final class Samples {
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger errors = new AtomicInteger();
    final Map<String, Integer> failures = new ConcurrentHashMap<>();
    final AtomicLongArray perNode;

    Samples(int nodes) {
      perNode = new AtomicLongArray(nodes);
    }
  }

  /** Every client sends units for {@code duration}, node after node; returns the nanoseconds it took. */
  static long send(List<Client> clients, Duration duration, Samples samples) throws Exception {
    int nodes = samples.perNode.length();
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Client client : clients) {
        running.add(pool.submit(() -> {
          // Round robin, each client starting at another node.
          for (int next = client.index(); System.nanoTime() < end; next++) {
            int node = next % nodes;
            long sent = System.nanoTime();
            String failure = client.unit(node);
            samples.latencies.add(System.nanoTime() - sent);
            samples.perNode.incrementAndGet(node);
            if (failure != null) {
              samples.errors.incrementAndGet();
              samples.failures.merge(failure, 1, Integer::sum);
            }
          }
          return null;
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return System.nanoTime() - start;
  }

  private static long[] nodeCpuNanos(PlatformNodes cluster) {
    return cluster.nodes().stream().mapToLong(node -> node.process().info().totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("no CPU time of node " + node.index())).toNanos()).toArray();
  }

  /** The machine's CPU time from /proc/stat: busy and all, in ticks, over every core. */
  record CpuTicks(long busy, long total) {

    static CpuTicks read() throws IOException {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      long idle = 0;
      // cpu user nice system idle iowait irq softirq steal ...
      for (int i = 1; i < Math.min(fields.length, 9); i++) {
        long ticks = Long.parseLong(fields[i]);
        total += ticks;
        if (i == 4 || i == 5) {
          idle += ticks;
        }
      }
      return new CpuTicks(total - idle, total);
    }

    double busySince(CpuTicks before) {
      long total = this.total - before.total;
      return total == 0 ? 0 : (busy - before.busy) / (double) total;
    }
  }

  private static long commits(String database) throws SQLException {
    try (Connection connection = monitor();
        PreparedStatement query = connection.prepareStatement(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
      query.setString(1, database);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static Connection monitor() throws SQLException {
    return DriverManager.getConnection(PostgresDatabases.url("postgres"), PostgresDatabases.USER,
        PostgresDatabases.PASSWORD);
  }

  /** The database's connections that run a statement, sampled ten times a second. */
  static final class ConnectionSampler implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement query;
    private final Thread thread;
    private volatile boolean running = true;
    private long samples;
    private long busy;

    private ConnectionSampler(String database) throws SQLException {
      connection = monitor();
      query = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? "
          + "AND state = 'active' AND pid <> pg_backend_pid()");
      query.setString(1, database);
      thread = new Thread(this::sample, "kkb-bench-connections");
      thread.setDaemon(true);
    }

    static ConnectionSampler start(String database) throws SQLException {
      ConnectionSampler sampler = new ConnectionSampler(database);
      sampler.thread.start();
      return sampler;
    }

    private void sample() {
      while (running) {
        try (ResultSet row = query.executeQuery()) {
          row.next();
          synchronized (this) {
            busy += row.getLong(1);
            samples++;
          }
          Thread.sleep(100);
        } catch (SQLException e) {
          if (!running) {
            return;
          }
          throw new IllegalStateException(e);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    synchronized double mean() {
      return samples == 0 ? 0 : busy / (double) samples;
    }

    @Override
    public void close() throws Exception {
      running = false;
      thread.interrupt();
      thread.join(5000);
      connection.close();
    }
  }
}
