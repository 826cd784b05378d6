package dev.maas.tests.tokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A load of numbered requests sent by concurrent clients, with each request's latency and the
 * failures counted by kind.
 *
 * @param seconds how long the whole load took
 * @param latencies each request's latency in nanoseconds, sorted
 * @param errors how many requests failed, by what went wrong
 */
record ConcurrentLoad(double seconds, long[] latencies, Map<String, Integer> errors) {

  /** One request of the load. */
  interface Request {

    /** Sends request {@code i}: null when it succeeded, else what went wrong, e.g. HTTP 500. */
    String send(int i) throws Exception;
  }

  /** Sends requests 0 to {@code total} - 1 from {@code clients} threads, each takes the next. */
  static ConcurrentLoad run(int clients, int total, Request request) throws Exception {
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < total; ) {
                  long t0 = System.nanoTime();
                  String error;
                  try {
                    error = request.send(i);
                  } catch (Exception e) {
                    error = e.getClass().getSimpleName();
                  }
                  if (error != null) {
                    errors.computeIfAbsent(error, k -> new AtomicInteger()).incrementAndGet();
                  }
                  latencies[i] = System.nanoTime() - t0;
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    return new ConcurrentLoad(
        seconds,
        latencies,
        errors.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
  }

  /** The median latency, in milliseconds. */
  double p50Millis() {
    return latencies[latencies.length / 2] / 1e6;
  }

  /** The latency 99 % of the requests stayed within, in milliseconds. */
  double p99Millis() {
    return latencies[(int) (latencies.length * 0.99) - 1] / 1e6;
  }

  /** The longest latency, in milliseconds. */
  double maxMillis() {
    return latencies[latencies.length - 1] / 1e6;
  }
}
