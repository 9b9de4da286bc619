package de.kkb.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 4: {@code POST /api/consultation-requests} from concurrent clients for a fixed time
 * against the running platform: requests per second, p50 and p99 latency, errors.
 */
public class IntakeBenchmark {

  private static final AtomicInteger AGS = new AtomicInteger();

  public record Result(int requests, double perSecond, double p50Millis, double p99Millis, int errors) {
  }

  public static Result run(int port, int clients, Duration duration) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            String body = "{\"municipalityName\":\"Laststadt\",\"municipalityKind\":\"STADT\",\"ags\":\""
                + String.format("05%06d", AGS.incrementAndGet() % 1_000_000) + "\",\"population\":1000,"
                + "\"contactName\":\"Last Test\",\"contactRole\":\"Test\",\"contactEmail\":\"last@example.org\","
                + "\"commissionedByAdministrationHead\":true,\"conflictDescription\":\"Ein Konflikt um die "
                + "Innenstadt, der seit Monaten die Ratssitzungen bestimmt.\",\"desiredStart\":\"2023-10-01\"}";
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/consultation-requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - sent);
            if (response.statusCode() != 201) {
              errors.incrementAndGet();
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
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(sorted.size(), sorted.size() / seconds, percentile(sorted, 0.50),
        percentile(sorted, 0.99), errors.get());
  }

  static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
