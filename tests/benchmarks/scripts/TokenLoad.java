/*
 * Load client of the MaaS API: C clients on 127.0.0.1 issue tokens (POST /v1/tokens with the identity headers the
 * gateway sets) for S seconds after a warm-up, then it prints tokens/s, p50/p99/max, errors by kind, the service
 * process's resident memory (VmHWM and VmRSS of /proc/<pid>/status) and the load average.
 *
 *   java tests/benchmarks/scripts/TokenLoad.java <api base URL> <service pid> [clients=50] [seconds=20] [users=5000]
 *
 * Users rotate so that none reaches the per-user cap of live tokens. Not a test: it asserts nothing.
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

public class TokenLoad {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    long pid = Long.parseLong(args[1]);
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int users = args.length > 4 ? Integer.parseInt(args[4]) : 5000;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    run(http, base, clients, 5, users, "warm-up");
    Result r = run(http, base, clients, seconds, users, "measured");
    long[] lat = r.latencies();
    Arrays.sort(lat);
    int n = lat.length;
    System.out.printf("RESULT %d tokens in %d s by %d clients: %.0f tokens/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
        + " errors %s%n", n, seconds, clients, n / (double) seconds, n == 0 ? 0 : lat[n / 2] / 1e6,
        n == 0 ? 0 : lat[Math.max(0, (int) (n * 0.99) - 1)] / 1e6, n == 0 ? 0 : lat[n - 1] / 1e6, r.errors());
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
        System.out.println("service " + line.replaceAll("\\s+", " "));
      }
    }
    System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
  }

  record Result(long[] latencies, Map<String, Integer> errors) {}

  static Result run(HttpClient http, String base, int clients, int seconds, int users, String phase)
      throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicInteger next = new AtomicInteger();
    ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    List<long[]> perClient = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] counts = new int[clients];
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[200_000];
      perClient.add(mine);
      int client = c;
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          int i = next.getAndIncrement();
          HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/tokens"))
              .header("X-MaaS-Username", phase + "-" + (i % users)).header("X-MaaS-Groups", "[\"premium-users\"]")
              .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build();
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
              errors.computeIfAbsent("HTTP " + r.statusCode(), k -> new LongAdder()).increment();
              continue;
            }
          } catch (Exception e) {
            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            continue;
          }
          if (counts[client] < mine.length) {
            mine[counts[client]++] = System.nanoTime() - t0;
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Map<String, Integer> errs = new java.util.TreeMap<>();
    errors.forEach((k, v) -> errs.put(k, v.intValue()));
    return new Result(all, errs);
  }
}
