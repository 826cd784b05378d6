package dev.maas.tests.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.maas.render.KubeObject;
import dev.maas.render.tokenservice.TokenServiceGenerator;
import dev.maas.validate.SpecValidator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built MaaS API, run as its own JVM with the environment the compiler generates for a spec
 * with access logs on, sends its audit events as OTLP/HTTP log records to a receiver on loopback; a
 * collector that takes connections but never answers slows no request.
 */
class AuditOtlpProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FREE = "[\"system:authenticated\"]";

  private static Path spec() {
    return Path.of(System.getProperty("maas.repoRoot", ".."))
        .resolve("tests/corpus/valid/access-logs.yaml");
  }

  /** The Deployment's {@code MAAS_AUDIT_OTLP_ENDPOINT} as generated, or null. */
  private static String generatedEndpoint(Path specFile) {
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(specFile, specFile.getFileName().toString());
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    for (KubeObject o : new TokenServiceGenerator().generate(outcome.platform())) {
      if (o.kind().equals("Deployment")) {
        for (JsonNode env :
            o.body()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env")) {
          if (env.path("name").asText().equals("MAAS_AUDIT_OTLP_ENDPOINT")) {
            return env.path("value").asText();
          }
        }
      }
    }
    return null;
  }

  @Test
  void anIssueAndARevokeArriveAsLogRecordsWithTheirFieldsAndNoToken(@TempDir Path dir)
      throws Exception {
    String generated = generatedEndpoint(spec());
    assertEquals("http://acme-log-collector.maas-system.svc:4318/v1/logs", generated);
    assertEquals(
        null,
        generatedEndpoint(
            Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml")),
        "logs off: no endpoint");

    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    HttpServer collector =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext(
        "/v1/logs",
        exchange -> {
          bodies.add(exchange.getRequestBody().readAllBytes());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    // The generated URL with the cluster's Service name swapped for the loopback receiver.
    String endpoint =
        URI.create(generated)
            .resolve(
                "//127.0.0.1:" + collector.getAddress().getPort() + URI.create(generated).getPath())
            .toString();
    ServiceProcess service =
        ServiceProcess.launchFromSpec(spec(), dir, Map.of("MAAS_AUDIT_OTLP_ENDPOINT", endpoint));
    try {
      HttpResponse<String> issued =
          ServiceProcess.call(service.base(), "POST", "/v1/tokens", "alice", FREE, "{}");
      assertEquals(201, issued.statusCode(), issued.body());
      JsonNode token = JSON.readTree(issued.body());
      String jti = token.path("jti").asText();
      assertEquals(
          204,
          ServiceProcess.call(service.base(), "DELETE", "/v1/tokens/" + jti, "alice", FREE, null)
              .statusCode());

      Map<String, Map<String, String>> byEvent = new HashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (byEvent.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        byEvent.clear();
        for (byte[] body : bodies) {
          JsonNode resourceLogs = JSON.readTree(body).path("resourceLogs").get(0);
          assertEquals(
              Map.of("service.name", "maas-api"),
              attributes(resourceLogs.path("resource").path("attributes")));
          for (JsonNode r : resourceLogs.path("scopeLogs").get(0).path("logRecords")) {
            Map<String, String> a = attributes(r.path("attributes"));
            byEvent.put(a.get("event"), a);
          }
        }
      }
      assertEquals(
          Map.of(
              "event", "issue",
              "user", "alice",
              "tier", "free",
              "jti", jti,
              "outcome", "issued",
              "status", "201"),
          byEvent.get("issue"),
          () -> ServiceProcess.log(dir));
      assertEquals(
          Map.of(
              "event", "revoke",
              "user", "alice",
              "jti", jti,
              "outcome", "revoked",
              "status", "204"),
          byEvent.get("revoke"));
      // Neither the token nor its signature travels, in an attribute or in the body.
      String jwt = token.path("token").asText();
      StringBuilder all = new StringBuilder();
      bodies.forEach(b -> all.append(new String(b, StandardCharsets.UTF_8)).append('\n'));
      assertFalse(all.toString().contains(jwt));
      assertFalse(all.toString().contains(jwt.substring(jwt.lastIndexOf('.') + 1)));
      // The stdout lines are as before.
      assertTrue(ServiceProcess.log(dir).contains("\"event\":\"issue\""));
    } finally {
      service.process().destroy();
      service.process().waitFor(10, TimeUnit.SECONDS);
      collector.stop(0);
    }
  }

  @Test
  void aCollectorThatNeverAnswersSlowsNoRequestAndTheLossIsCounted(@TempDir Path dir)
      throws Exception {
    // Connections complete in the kernel's backlog, and nothing ever reads or answers them.
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ServiceProcess service =
          ServiceProcess.launchFromSpec(
              spec(),
              dir,
              Map.of(
                  "MAAS_AUDIT_OTLP_ENDPOINT",
                  "http://127.0.0.1:" + blackHole.getLocalPort() + "/v1/logs"));
      try {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          long start = System.nanoTime();
          HttpResponse<String> r =
              ServiceProcess.call(service.base(), "POST", "/v1/tokens", "bob", FREE, "{}");
          millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
          assertEquals(201, r.statusCode(), r.body());
          Thread.sleep(100);
        }
        // Each export waits up to 5 s for an answer; a request that waited on one would show it.
        assertTrue(millis.stream().allMatch(m -> m < 1500), "request times (ms): " + millis);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String metrics = "";
        while (System.nanoTime() < deadline) {
          metrics =
              ServiceProcess.call(service.metricsBase(), "GET", "/metrics", null, null, null)
                  .body();
          if (!metrics.contains("maas_audit_otlp_dropped_total 0\n")
              && metrics.contains("maas_audit_otlp_dropped_total ")) {
            break;
          }
          Thread.sleep(250);
        }
        assertTrue(metrics.matches("(?s).*maas_audit_otlp_dropped_total [1-9][0-9]*\n.*"), metrics);
        String log = ServiceProcess.log(dir);
        assertEquals(20, log.lines().filter(l -> l.contains("\"event\":\"issue\"")).count(), log);
        assertTrue(log.contains("could not send audit events"), log);
      } finally {
        service.process().destroy();
        service.process().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static Map<String, String> attributes(JsonNode list) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode kv : list) {
      JsonNode v = kv.path("value");
      out.put(
          kv.path("key").asText(),
          v.has("stringValue") ? v.path("stringValue").asText() : v.path("intValue").asText());
    }
    return out;
  }
}
