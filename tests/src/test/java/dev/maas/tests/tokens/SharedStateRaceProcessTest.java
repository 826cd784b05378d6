package dev.maas.tests.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Two MaaS API processes, the built artifact started as the image starts it, share one real {@code
 * redis-server} as their state store: 1,000 revocations race with as many issues, each token issued
 * on one replica and revoked on the other, and afterwards both replicas refuse every revoked token
 * and accept every new one. Skipped, saying so, where Debian's redis-server is not installed.
 */
class SharedStateRaceProcessTest {

  private static final int REVOCATIONS = 1000;

  /** 25 revocations and 25 new tokens per user: under the 100 live tokens a user may hold. */
  private static final int USERS = 40;

  private static final String FREE = "[\"system:authenticated\"]";

  private static final int REFRESH_SECONDS = 1;

  @TempDir static Path dir;

  private static Process redis;
  private static int redisPort;
  private static ServiceProcess a;
  private static ServiceProcess b;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        onPath("redis-server"), "redis-server is not installed (apt-get install redis-server)");
    redisPort = ServiceProcess.freePort();
    Path redisDir = Files.createDirectories(dir.resolve("redis"));
    redis =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(redisPort),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                redisDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(redisDir.resolve("redis.log").toFile())
            .start();
    awaitPort(redisPort);
    Map<String, String> env =
        Map.of(
            "MAAS_STATE_BACKEND",
            "redis",
            "MAAS_REDIS_URL",
            "redis://127.0.0.1:" + redisPort,
            "MAAS_STATE_REFRESH_SECONDS",
            String.valueOf(REFRESH_SECONDS));
    Path dirA = Files.createDirectories(dir.resolve("a"));
    Path dirB = Files.createDirectories(dir.resolve("b"));
    Path spec =
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml");
    a = ServiceProcess.launchFromSpec(spec, dirA, env);
    // The second replica runs with the same config and signing key, as a Deployment's pods do.
    Files.copy(dirA.resolve("config.json"), dirB.resolve("config.json"));
    Path keys = Files.createDirectories(dirB.resolve("keys"));
    try (var pems = Files.list(dirA.resolve("keys"))) {
      for (Path pem : pems.toList()) {
        Files.copy(pem, keys.resolve(pem.getFileName()));
      }
    }
    b = ServiceProcess.launch(ServiceProcess.serviceCommand(), dirB, env);
  }

  @AfterAll
  static void stop() throws Exception {
    for (ServiceProcess s : new ServiceProcess[] {a, b}) {
      if (s != null) {
        s.close();
      }
    }
    ServiceProcess.stop(redis);
  }

  @Test
  void aThousandRevocationsRacingWithIssuanceOnTwoReplicasLoseNone() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Map<String, Object>>> revoked = new ArrayList<>();
    List<Future<Map<String, Object>>> issued = new ArrayList<>();
    AtomicInteger refusedRevokes = new AtomicInteger();
    // The other tests' keys, in the same Redis.
    int keysBefore;
    long indexedBefore;
    try (Jedis raw = new Jedis(URI.create("redis://127.0.0.1:" + redisPort))) {
      keysBefore = raw.keys("maas:*").size();
      indexedBefore = indexed(raw);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < REVOCATIONS; i++) {
      String user = "racer" + (i % USERS);
      ServiceProcess issuer = i % 2 == 0 ? a : b;
      ServiceProcess revoker = i % 2 == 0 ? b : a;
      revoked.add(
          pool.submit(
              () -> {
                Map<String, Object> token = issue(issuer, user);
                HttpResponse<String> r =
                    call(revoker, "DELETE", "/v1/tokens/" + token.get("jti"), user, null);
                if (r.statusCode() != 204) {
                  refusedRevokes.incrementAndGet();
                }
                return token;
              }));
      issued.add(pool.submit(() -> issue(revoker, user)));
    }
    List<Map<String, Object>> revokedTokens = new ArrayList<>();
    for (Future<Map<String, Object>> f : revoked) {
      revokedTokens.add(f.get());
    }
    List<Map<String, Object>> newTokens = new ArrayList<>();
    for (Future<Map<String, Object>> f : issued) {
      newTokens.add(f.get());
    }
    long raceMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertEquals(0, refusedRevokes.get(), "every revocation was answered 204");

    // Each replica re-reads the store every REFRESH_SECONDS: past that, both know everything.
    Thread.sleep(TimeUnit.SECONDS.toMillis(REFRESH_SECONDS) + 1500);
    int lost = 0;
    int wronglyRevoked = 0;
    for (ServiceProcess replica : List.of(a, b)) {
      for (int i = 0; i < REVOCATIONS; i++) {
        String user = "racer" + (i % USERS);
        lost += revokedOn(replica, revokedTokens.get(i), user) ? 0 : 1;
        wronglyRevoked += revokedOn(replica, newTokens.get(i), user) ? 1 : 0;
      }
    }
    int keys;
    long indexed;
    try (Jedis raw = new Jedis(URI.create("redis://127.0.0.1:" + redisPort))) {
      keys = raw.keys("maas:*").size() - keysBefore;
      indexed = indexed(raw) - indexedBefore;
    }
    pool.shutdown();
    System.out.printf(
        "shared-state race: %d revocations and %d issues over 2 replicas in %d ms; lost %d,"
            + " wrongly revoked %d; %d Redis keys%n",
        REVOCATIONS, 2 * REVOCATIONS, raceMillis, lost, wronglyRevoked, keys);
    assertEquals(0, lost, "revocations lost across the replicas");
    assertEquals(0, wronglyRevoked, "new tokens revoked by mistake");
    assertEquals(
        REVOCATIONS + 2 * USERS, keys, "one key per revocation, an index and a hash per user");
    assertEquals(REVOCATIONS, indexed, "the users' indexes hold the new tokens, not the revoked");
  }

  @Test
  void aRevocationOnOneReplicaIsRefusedOnTheOtherWithinTheRefreshInterval() throws Exception {
    Map<String, Object> token = issue(a, "prompt");
    assertTrue(!revokedOn(b, token, "prompt"));
    long t0 = System.nanoTime();
    assertEquals(
        204, call(a, "DELETE", "/v1/tokens/" + token.get("jti"), "prompt", null).statusCode());
    while (!revokedOn(b, token, "prompt")) {
      assertTrue(
          System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(REFRESH_SECONDS + 10),
          "the other replica never saw the revocation");
      Thread.sleep(20);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    System.out.printf(
        "revocation seen by the other replica after %d ms (refresh every %d s)%n",
        millis, REFRESH_SECONDS);
  }

  @Test
  void theCapAndTheListSpanBothReplicasAtOnce() throws Exception {
    List<String> jtis = new ArrayList<>();
    // 100 live tokens, the cap, half from each replica.
    for (int i = 0; i < 100; i++) {
      jtis.add((String) issue(i % 2 == 0 ? a : b, "capped").get("jti"));
    }
    // No refresh has run: the other replica counts and lists from Redis.
    assertEquals(429, call(a, "POST", "/v1/tokens", "capped", null).statusCode());
    assertEquals(429, call(b, "POST", "/v1/tokens", "capped", null).statusCode());
    for (ServiceProcess replica : List.of(a, b)) {
      HttpResponse<String> list = call(replica, "GET", "/v1/tokens", "capped", null);
      assertEquals(200, list.statusCode(), list.body());
      for (String jti : jtis) {
        assertTrue(list.body().contains(jti), jti + " listed");
      }
    }
    assertEquals(204, call(b, "DELETE", "/v1/tokens/" + jtis.get(0), "capped", null).statusCode());
    issue(a, "capped");
  }

  /** The tokens every user's index holds. */
  private static long indexed(Jedis raw) {
    long sum = 0;
    for (String index : raw.keys("maas:*:ix-*")) {
      sum += raw.zcard(index);
    }
    return sum;
  }

  private static Map<String, Object> issue(ServiceProcess on, String user) throws Exception {
    HttpResponse<String> r = call(on, "POST", "/v1/tokens", user, null);
    assertEquals(201, r.statusCode(), r.body());
    return JSONObjectUtils.parse(r.body());
  }

  private static boolean revokedOn(ServiceProcess on, Map<String, Object> token, String user)
      throws Exception {
    HttpResponse<String> r =
        call(
            on,
            "POST",
            "/internal/v1/tokens/status",
            null,
            "{\"jti\":\""
                + token.get("jti")
                + "\",\"sub\":\""
                + user
                + "\",\"iat\":"
                + token.get("issuedAt")
                + "}");
    assertEquals(200, r.statusCode(), r.body());
    return Boolean.TRUE.equals(JSONObjectUtils.parse(r.body()).get("revoked"));
  }

  private static HttpResponse<String> call(
      ServiceProcess on, String method, String path, String user, String body)
      throws IOException, InterruptedException {
    return ServiceProcess.call(on.base(), method, path, user, FREE, body);
  }

  private static boolean onPath(String command) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }

  private static void awaitPort(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        assertTrue(redis.isAlive(), "redis-server exited");
        Thread.sleep(50);
      }
    }
    throw new AssertionError("redis-server did not listen on " + port);
  }
}
