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
 * answers {@code GET /counters/{namespace}} in the JSON format limitador-server documents
 * (src/http_api/request_types.rs {@code Counter}: {@code limit {id, namespace, max_value, seconds,
 * name, conditions, variables}}, {@code set_variables}, {@code remaining}, {@code
 * expires_in_seconds}), with the limits the MaaS API's generated {@code config.json} names. Its
 * counters move only when a test reports a hit with {@link #hit}, standing for the report the
 * gateway's wasm-shim sends Limitador for a model call; like Limitador it lists a counter only once
 * it has been hit in its window.
 */
public final class LimitadorStandIn implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Path config;
  private final Map<String, long[]> counters = new ConcurrentHashMap<>();

  /** A Limitador for the limits of the service config at {@code config}, read when asked. */
  public LimitadorStandIn(Path config) throws IOException {
    this.config = config;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/counters/", this::counters);
    server.start();
  }

  /** The base URL of its HTTP API, for {@code MAAS_LIMITADOR_URL}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Counts {@code delta} on every rate of the limit {@code name} in {@code namespace} for {@code
   * user} (ignored for a shared limit), as Limitador does for one reported request.
   */
  public void hit(String namespace, String name, String user, long delta) throws IOException {
    long now = System.currentTimeMillis();
    for (JsonNode l : limits()) {
      if (l.path("namespace").asText().equals(namespace) && l.path("name").asText().equals(name)) {
        String key = key(l, l.path("counter").isTextual() ? user : "");
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

  private JsonNode limits() throws IOException {
    return JSON.readTree(config.toFile()).path("quota").path("limits");
  }

  private static String key(JsonNode limit, String user) {
    return limit.path("namespace").asText()
        + "\n"
        + limit.path("name").asText()
        + "\n"
        + limit.path("seconds").asLong()
        + "\n"
        + user;
  }

  private void counters(HttpExchange exchange) {
    try (exchange) {
      String namespace =
          URLDecoder.decode(
              exchange.getRequestURI().getRawPath().substring("/counters/".length()),
              StandardCharsets.UTF_8);
      long now = System.currentTimeMillis();
      ArrayNode out = JSON.createArrayNode();
      for (JsonNode l : limits()) {
        if (!l.path("namespace").asText().equals(namespace)) {
          continue;
        }
        boolean perUser = l.path("counter").isTextual();
        for (Map.Entry<String, long[]> e : counters.entrySet()) {
          String prefix = key(l, "");
          long window = l.path("seconds").asLong() * 1000;
          long[] value = e.getValue();
          if (!e.getKey().startsWith(prefix) || now - value[1] >= window) {
            continue;
          }
          String user = e.getKey().substring(prefix.length());
          if (perUser == user.isEmpty()) {
            continue;
          }
          ObjectNode counter = out.addObject();
          ObjectNode limit = counter.putObject("limit");
          limit.putNull("id");
          limit.put("namespace", namespace);
          limit.put("max_value", l.path("limit").asLong());
          limit.put("seconds", l.path("seconds").asLong());
          limit.put("name", l.path("name").asText());
          limit
              .putArray("conditions")
              .add(
                  "descriptors[0][\"limit."
                      + l.path("name").asText().replaceAll("[^A-Za-z0-9_]", "_")
                      + "__recorded\"] == \"1\"");
          ArrayNode variables = limit.putArray("variables");
          ObjectNode set = counter.putObject("set_variables");
          if (perUser) {
            variables.add(l.path("counter").asText());
            set.put(l.path("counter").asText(), user);
          }
          counter.put("remaining", Math.max(0, l.path("limit").asLong() - value[0]));
          counter.put("expires_in_seconds", (window - (now - value[1]) + 999) / 1000);
        }
      }
      byte[] body = JSON.writeValueAsBytes(out);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
