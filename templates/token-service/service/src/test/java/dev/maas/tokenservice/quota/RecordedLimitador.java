package dev.maas.tokenservice.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.maas.tokenservice.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A recorded-format Limitador, not the real one: it answers {@code GET /limits/{namespace}} and
 * {@code GET /counters/{namespace}} with the limits of {@code limitador-limits.json} and the
 * counters of {@code limitador-counters.json}, responses written in the format limitador-server
 * documents (src/http_api/request_types.rs, docs/http_server_spec.json), for the limit names and
 * variables Kuadrant gives the platform's policies. Limitador itself is a Rust server that cannot
 * be built here. It keeps the raw paths it was asked, and can be told to answer an error or to
 * answer late.
 */
public final class RecordedLimitador implements AutoCloseable {

  /** The recorded counters answer, every namespace's counters in one list. */
  public static final String RECORDING = "/dev/maas/tokenservice/quota/limitador-counters.json";

  /** The recorded limits answer, every namespace's limits in one list. */
  public static final String LIMITS = "/dev/maas/tokenservice/quota/limitador-limits.json";

  private final HttpServer server;
  private final JsonNode counters;
  private final JsonNode limits;
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile long delayMillis;

  public RecordedLimitador() throws IOException {
    try (InputStream in = RecordedLimitador.class.getResourceAsStream(RECORDING)) {
      counters = Json.MAPPER.readTree(in);
    }
    try (InputStream in = RecordedLimitador.class.getResourceAsStream(LIMITS)) {
      limits = Json.MAPPER.readTree(in);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL of its HTTP API. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The raw paths asked so far. */
  public List<String> asked() {
    return List.copyOf(asked);
  }

  /** Answers {@code status} with an empty body from now on (200: the recording again). */
  public void answer(int status) {
    this.status = status;
  }

  /** Waits {@code millis} before every answer. */
  public void delay(long millis) {
    this.delayMillis = millis;
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String raw = exchange.getRequestURI().getRawPath();
      asked.add(raw);
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      boolean ofCounters = raw.startsWith("/counters/");
      String prefix = ofCounters ? "/counters/" : "/limits/";
      if (status != 200 || !raw.startsWith(prefix) || raw.indexOf('/', prefix.length()) >= 0) {
        exchange.sendResponseHeaders(status != 200 ? status : 404, -1);
        return;
      }
      String namespace = URLDecoder.decode(raw.substring(prefix.length()), StandardCharsets.UTF_8);
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (JsonNode item : ofCounters ? counters : limits) {
        JsonNode limit = ofCounters ? item.path("limit") : item;
        if (namespace.equals(limit.path("namespace").asText())) {
          out.add(item);
        }
      }
      byte[] body = Json.MAPPER.writeValueAsBytes(out);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
