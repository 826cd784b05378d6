package dev.maas.tokenservice.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.maas.tokenservice.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The OTLP/HTTP JSON export of audit events, to a receiver on loopback and to none. */
class OtlpAuditExporterTest {

  @Test
  void eachEventArrivesAsOneLogRecordWithItsFieldsAsAttributes() throws Exception {
    LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/v1/logs",
        exchange -> {
          assertEquals("application/json", exchange.getRequestHeaders().getFirst("Content-Type"));
          received.add(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    LongAdder dropped = new LongAdder();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    try (OtlpAuditExporter exporter =
        new OtlpAuditExporter(
            URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/logs"),
            16,
            dropped,
            line -> {})) {
      AuditLog audit =
          new AuditLog(
              new PrintStream(stdout, true, StandardCharsets.UTF_8), Clock.systemUTC(), exporter);
      audit.issued("alice", "premium", "jti-1");
      audit.apiKeyRevoked("bob", "key-7");
      int records = 0;
      Map<String, Map<String, String>> byEvent = new HashMap<>();
      while (records < 2) {
        JsonNode body = received.poll(10, TimeUnit.SECONDS);
        assertTrue(body != null, "no export within 10 s");
        JsonNode resource = body.path("resourceLogs").get(0);
        assertEquals(
            "service.name",
            resource.path("resource").path("attributes").get(0).path("key").asText());
        assertEquals(
            "maas-api",
            resource
                .path("resource")
                .path("attributes")
                .get(0)
                .path("value")
                .path("stringValue")
                .asText());
        for (JsonNode r : resource.path("scopeLogs").get(0).path("logRecords")) {
          Map<String, String> a = new HashMap<>();
          r.path("attributes")
              .forEach(
                  kv -> {
                    JsonNode v = kv.path("value");
                    a.put(
                        kv.path("key").asText(),
                        v.has("stringValue")
                            ? v.path("stringValue").asText()
                            : v.path("intValue").asText());
                  });
          assertTrue(Long.parseLong(r.path("timeUnixNano").asText()) > 0);
          assertTrue(
              stdout
                  .toString(StandardCharsets.UTF_8)
                  .contains(r.path("body").path("stringValue").asText()));
          byEvent.put(a.get("event"), a);
          records++;
        }
      }
      assertEquals(
          Map.of(
              "event", "issue",
              "user", "alice",
              "tier", "premium",
              "jti", "jti-1",
              "outcome", "issued",
              "status", "201"),
          byEvent.get("issue"));
      assertEquals(
          Map.of(
              "event", "api_key_revoke",
              "user", "bob",
              "keyId", "key-7",
              "outcome", "revoked",
              "status", "204"),
          byEvent.get("api_key_revoke"));
      assertEquals(0, dropped.sum());
    } finally {
      collector.stop(0);
    }
  }

  @Test
  void aCollectorThatIsDownNeitherBlocksNorFailsAndTheLossIsCounted() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    LongAdder dropped = new LongAdder();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    try (OtlpAuditExporter exporter =
        new OtlpAuditExporter(
            URI.create("http://127.0.0.1:" + port + "/v1/logs"), 8, dropped, line -> {})) {
      AuditLog audit =
          new AuditLog(
              new PrintStream(stdout, true, StandardCharsets.UTF_8), Clock.systemUTC(), exporter);
      long start = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        audit.revoked("carol", "jti-" + i);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 2000, "1000 audited events took " + millis + " ms");
      // Every line is on stdout whatever became of the export.
      assertEquals(1000, stdout.toString(StandardCharsets.UTF_8).lines().count());
      // The queue holds 8 and the rest are dropped at once; the held ones fail to send.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (dropped.sum() < 1000 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(1000, dropped.sum());
    }
  }
}
