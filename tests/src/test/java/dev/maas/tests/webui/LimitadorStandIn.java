package dev.maas.tests.webui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recorded-format Limitador, not the real one (a Rust server that cannot be built here): it
 * answers {@code GET /limits/{namespace}} and {@code GET /counters/{namespace}} in the JSON format
 * limitador-server documents (src/http_api/request_types.rs {@code Limit}: {@code id, namespace,
 * max_value, seconds, name, conditions, variables}; {@code Counter}: that {@code limit}, {@code
 * set_variables}, {@code remaining}, {@code expires_in_seconds}). Its limits are the ones the
 * Kuadrant operator makes of the spec's generated RateLimitPolicy and TokenRateLimitPolicy objects:
 * one per rate, named by the limit's key, in the targeted route's {@code namespace/name}, each
 * counter expression a variable {@code descriptors[0]["<expression>"]} (kuadrant-operator v1.5.2
 * limitador_limits_reconciler.go lines 151 and 176-201). Its counters move only when a test reports
 * a hit with {@link #hit}, standing for the report the gateway's wasm-shim sends Limitador for a
 * model call; like Limitador it lists a counter only once it has been hit in its window.
 */
public final class LimitadorStandIn implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ArrayNode limits;
  private final Map<String, long[]> counters = new ConcurrentHashMap<>();

  /** A Limitador holding the limits Kuadrant makes of {@code specFile}'s policies. */
  public LimitadorStandIn(Path specFile) throws IOException {
    this.limits = limitsOf(specFile);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/counters/", this::counters);
    server.createContext("/limits/", this::limits);
    server.start();
  }

  private static ArrayNode limitsOf(Path specFile) {
    dev.maas.validate.SpecValidator.Outcome outcome =
        new dev.maas.validate.SpecValidator().validate(specFile, specFile.getFileName().toString());
    dev.maas.model.Platform platform = outcome.platform();
    java.util.List<dev.maas.render.KubeObject> policies = new java.util.ArrayList<>();
    for (var kind : dev.maas.render.policy.LimitKind.values()) {
      policies.addAll(new dev.maas.render.policy.RateLimitGenerator(kind).generate(platform));
    }
    policies.addAll(new dev.maas.render.policy.TokenServiceLimitGenerator().generate(platform));
    ArrayNode out = JSON.createArrayNode();
    for (dev.maas.render.KubeObject policy : policies) {
      JsonNode spec = policy.body().path("spec");
      String namespace = policy.namespace() + "/" + spec.at("/targetRef/name").asText();
      spec.path("limits")
          .fields()
          .forEachRemaining(
              limit -> {
                for (JsonNode rate : limit.getValue().path("rates")) {
                  ObjectNode l = out.addObject();
                  l.putNull("id");
                  l.put("namespace", namespace);
                  l.put("max_value", rate.path("limit").asLong());
                  // Go's time.ParseDuration, as Kuadrant reads a window, for h, m and s.
                  l.put(
                      "seconds",
                      java.time.Duration.parse("PT" + rate.path("window").asText().toUpperCase())
                          .toSeconds());
                  l.put("name", limit.getKey());
                  l.putArray("conditions")
                      .add(
                          "descriptors[0][\"limit."
                              + limit.getKey().replaceAll("[^A-Za-z0-9_]", "_")
                              + "__standin\"] == \"1\"");
                  ArrayNode variables = l.putArray("variables");
                  limit
                      .getValue()
                      .path("counters")
                      .forEach(
                          c ->
                              variables.add(
                                  "descriptors[0][\"" + c.path("expression").asText() + "\"]"));
                }
              });
    }
    return out;
  }

  /** The base URL of its HTTP API, for {@code MAAS_LIMITADOR_URL}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Counts {@code delta} on every rate of the limit {@code name} in {@code namespace} for {@code
   * user} (ignored for a shared limit), as Limitador does for one reported request.
   */
  public void hit(String namespace, String name, String user, long delta) {
    long now = System.currentTimeMillis();
    for (JsonNode l : limits) {
      if (l.path("namespace").asText().equals(namespace) && l.path("name").asText().equals(name)) {
        String key = key(l, l.path("variables").isEmpty() ? "" : user);
        counters.compute(
            key,
            (k, c) -> {
              long window = l.path("seconds").asLong() * 1000;
              long[] v = c == null || now - c[1] >= window ? new long[] {0, now} : c;
              v[0] += delta;
              return v;
            });
      }
    }
  }

  private static String key(JsonNode limit, String user) {
    return limit.path("namespace").asText()
        + "\n"
        + limit.path("name").asText()
        + "\n"
        + limit.path("seconds").asLong()
        + "\n"
        + limit.path("max_value").asLong()
        + "\n"
        + user;
  }

  private static String namespace(HttpExchange exchange, String prefix) {
    return URLDecoder.decode(
        exchange.getRequestURI().getRawPath().substring(prefix.length()), StandardCharsets.UTF_8);
  }

  private void limits(HttpExchange exchange) {
    try (exchange) {
      String namespace = namespace(exchange, "/limits/");
      ArrayNode out = JSON.createArrayNode();
      for (JsonNode l : limits) {
        if (l.path("namespace").asText().equals(namespace)) {
          out.add(l);
        }
      }
      send(exchange, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void counters(HttpExchange exchange) {
    try (exchange) {
      String namespace = namespace(exchange, "/counters/");
      long now = System.currentTimeMillis();
      ArrayNode out = JSON.createArrayNode();
      for (JsonNode l : limits) {
        if (!l.path("namespace").asText().equals(namespace)) {
          continue;
        }
        boolean perUser = !l.path("variables").isEmpty();
        String prefix = key(l, "");
        long window = l.path("seconds").asLong() * 1000;
        for (Map.Entry<String, long[]> e : counters.entrySet()) {
          long[] value = e.getValue();
          if (!e.getKey().startsWith(prefix) || now - value[1] >= window) {
            continue;
          }
          String user = e.getKey().substring(prefix.length());
          if (perUser == user.isEmpty()) {
            continue;
          }
          ObjectNode counter = out.addObject();
          counter.set("limit", l);
          ObjectNode set = counter.putObject("set_variables");
          if (perUser) {
            set.put(l.path("variables").get(0).asText(), user);
          }
          counter.put("remaining", Math.max(0, l.path("max_value").asLong() - value[0]));
          counter.put("expires_in_seconds", (window - (now - value[1]) + 999) / 1000);
        }
      }
      send(exchange, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(HttpExchange exchange, ArrayNode out) throws IOException {
    byte[] body = JSON.writeValueAsBytes(out);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
