package de.kkb.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 4: valid consultation requests as JSON from concurrent clients for a fixed time against
 * the running platform: requests per second, p50 and p99 latency, errors. The same body goes to the
 * platform's {@code POST /api/consultation-requests} and to the bare endpoint it is compared with
 * ({@link BareIntake}).
 */
public class IntakeBenchmark {

  public static final String PLATFORM_PATH = "/api/consultation-requests";

  private static final AtomicInteger AGS = new AtomicInteger();

  public record Result(int requests, double perSecond, double p50Millis, double p99Millis, int errors) {
  }

  /**
   * What the clients saw against one endpoint, over one or more periods: runs against two endpoints
   * can take turns, so that a noisy neighbour on the machine hits both alike.
   */
  public static final class Samples {
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errors = new AtomicInteger();
    private long nanos;

    public Result result() {
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return new Result(sorted.size(), sorted.size() / (nanos / 1e9), percentile(sorted, 0.50),
          percentile(sorted, 0.99), errors.get());
    }
  }

  public static Result run(int port, int clients, Duration duration) throws Exception {
    return run(port, PLATFORM_PATH, clients, duration);
  }

  public static Result run(int port, String path, int clients, Duration duration) throws Exception {
    Samples samples = new Samples();
    run(samples, port, path, clients, duration);
    return samples.result();
  }

  /** Sends for {@code duration} and adds what the clients saw, and how long it took, to {@code samples}. */
  public static void run(Samples samples, int port, String path, int clients, Duration duration) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://localhost:" + port + path);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body()))
                .build(), HttpResponse.BodyHandlers.ofString());
            samples.latencies.add(System.nanoTime() - sent);
            if (response.statusCode() != 201) {
              samples.errors.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    samples.nanos += System.nanoTime() - start;
  }

  /** A valid request of a municipality that has none open yet (one per municipality and round). */
  static String body() {
    return body(LocalDate.of(2023, 10, 1));
  }

  /** As {@link #body()}, wishing to start on {@code desiredStart}, which lies ahead of the engine's today. */
  static String body(LocalDate desiredStart) {
    return "{\"municipalityName\":\"Laststadt\",\"municipalityKind\":\"STADT\",\"ags\":\""
        + String.format("05%06d", AGS.incrementAndGet() % 1_000_000) + "\",\"population\":1000,"
        + "\"contactName\":\"Last Test\",\"contactRole\":\"Test\",\"contactEmail\":\"last@example.org\","
        + "\"commissionedByAdministrationHead\":true,\"conflictDescription\":\"Ein Konflikt um die "
        + "Innenstadt, der seit Monaten die Ratssitzungen bestimmt.\",\"desiredStart\":\"" + desiredStart + "\"}";
  }

  static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
