package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.maas.tokenservice.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ConfigMap store against a stand-in API server that keeps one ConfigMap and answers an update
 * with a stale resourceVersion with 409, as the Kubernetes API does: two replicas' ledgers write at
 * once and lose nothing.
 */
class ConfigMapStoreTest {

  private static final String PATH =
      "/api/v1/namespaces/maas-system/configmaps/acme-token-service-state";

  @TempDir Path account;

  private HttpServer api;
  private ObjectNode configMap;
  private final AtomicInteger version = new AtomicInteger(1);
  private final AtomicInteger conflicts = new AtomicInteger();
  private final List<String> tokens = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    Files.writeString(account.resolve("namespace"), "maas-system\n");
    Files.writeString(account.resolve("token"), "sa-token-1\n");
    configMap =
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
                    + "{\"name\":\"acme-token-service-state\",\"namespace\":\"maas-system\",\"resourceVersion\":\"1\","
                    + "\"annotations\":{\"kept\":\"yes\"}}}");
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    api.setExecutor(Executors.newFixedThreadPool(4));
    api.createContext("/", this::answer);
    api.start();
  }

  @AfterEach
  void stop() {
    api.stop(0);
  }

  private synchronized void answer(HttpExchange ex) throws IOException {
    try (ex) {
      tokens.add(ex.getRequestHeaders().getFirst("Authorization"));
      if (!ex.getRequestURI().getPath().equals(PATH)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      if (ex.getRequestMethod().equals("PUT")) {
        ObjectNode sent = (ObjectNode) Json.MAPPER.readTree(ex.getRequestBody());
        if (!sent.path("metadata")
            .path("resourceVersion")
            .asText()
            .equals(String.valueOf(version.get()))) {
          conflicts.incrementAndGet();
          ex.sendResponseHeaders(409, -1);
          return;
        }
        ((ObjectNode) sent.path("metadata"))
            .put("resourceVersion", String.valueOf(version.incrementAndGet()));
        configMap = sent;
      }
      byte[] body = Json.MAPPER.writeValueAsBytes(configMap);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    }
  }

  private TokenLedger replica() throws IOException {
    KubernetesApi k8s =
        new KubernetesApi(
            URI.create("http://127.0.0.1:" + api.getAddress().getPort()),
            account,
            HttpClient.newHttpClient());
    return new TokenLedger(
        new ConfigMapStore(k8s, "acme-token-service-state"), 3600, Clock.systemUTC());
  }

  @Test
  void twoReplicasWritingAtOnceLoseNothingAndKeepTheObject() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    try (TokenLedger a = replica();
        TokenLedger b = replica()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        TokenLedger ledger = i % 2 == 0 ? a : b;
        String jti = "j" + i;
        futures.add(
            pool.submit(
                () -> {
                  ledger.change(
                      d ->
                          d.issue(
                              "u" + (jti.length() % 3),
                              new IssuedToken(jti, "free", now, now + 600, null)));
                  return null;
                }));
      }
      futures.add(
          pool.submit(
              () -> {
                b.change(d -> d.revokeAll("mallory", now + 1));
                return null;
              }));
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      a.reload();
      int issued = a.state().issued().values().stream().mapToInt(m -> m.size()).sum();
      assertEquals(100, issued, "every issue of both replicas is stored");
      assertEquals(
          now + 1,
          a.state().revokedBefore().get("mallory"),
          "the other replica's revoke-all is seen");
    }
    assertTrue(conflicts.get() > 0, "the replicas did collide, so the merge was exercised");
    assertEquals(
        "yes",
        configMap.path("metadata").path("annotations").path("kept").asText(),
        "the object's other fields are written back as read");
    assertTrue(configMap.path("data").path(ConfigMapStore.KEY).isTextual());
    assertTrue(
        tokens.stream().allMatch("Bearer sa-token-1"::equals), "the service-account token is sent");
  }

  @Test
  void aRotatedServiceAccountTokenIsReadForTheNextCall() throws Exception {
    try (TokenLedger ledger = replica()) {
      ledger.reload();
      Files.writeString(account.resolve("token"), "sa-token-2\n");
      ledger.reload();
    }
    assertEquals("Bearer sa-token-2", tokens.get(tokens.size() - 1));
  }
}
