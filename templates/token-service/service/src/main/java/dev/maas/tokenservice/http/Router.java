package dev.maas.tokenservice.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.maas.tokenservice.audit.AuditLog;
import dev.maas.tokenservice.json.Json;
import dev.maas.tokenservice.metrics.Metrics;
import dev.maas.tokenservice.text.LogText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Dispatches a request to its route and writes the reply; every refusal is counted, audited and
 * answered as {@code {"error": ...}} with its status.
 */
public final class Router implements HttpHandler {

  private final List<Route> routes;
  private final Metrics metrics;
  private final AuditLog audit;
  private final Consumer<String> log;

  public Router(List<Route> routes, Metrics metrics, AuditLog audit, Consumer<String> log) {
    this.routes = List.copyOf(routes);
    this.metrics = metrics;
    this.audit = audit;
    this.log = log;
  }

  /** The route table, for the OpenAPI check. */
  public List<Route> routes() {
    return routes;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      Reply reply;
      try {
        reply = dispatch(exchange);
      } catch (Refusal r) {
        reply = refused(exchange, r);
      } catch (Exception e) {
        metrics.refused("internal_error");
        // The exception's class and message only: neither holds a token or a key, and no stack
        // trace reaches clients.
        log.accept(
            "internal error on "
                + exchange.getRequestMethod()
                + " "
                + LogText.escape(Request.rawPath(exchange))
                + ": "
                + e.getClass().getName()
                + ": "
                + LogText.escape(e.getMessage()));
        reply = Reply.json(500, Map.of("error", "internal error"));
      }
      send(exchange, reply);
    } catch (IOException e) {
      // The client went away; there is nobody to answer.
    }
  }

  private Reply dispatch(HttpExchange exchange) throws Exception {
    String path = Request.rawPath(exchange);
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Optional<String> parameter = route.match(path);
      if (parameter.isEmpty()) {
        continue;
      }
      if (route.method().equals(exchange.getRequestMethod())) {
        return route.handler().handle(new Request(exchange, parameter.get()));
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw new Refusal(404, "not_found", "no such endpoint");
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
    throw new Refusal(405, "method_not_allowed", "use " + String.join(" or ", allowed));
  }

  private Reply refused(HttpExchange exchange, Refusal r) {
    metrics.refused(r.reason());
    audit.denied(
        exchange.getRequestHeaders().getFirst("X-MaaS-Username"),
        null,
        r.reason(),
        r.status(),
        Request.rawPath(exchange));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", r.getMessage());
    body.putAll(r.extra());
    return Reply.json(r.status(), body);
  }

  /**
   * Writes {@code reply} with {@code Cache-Control: no-store} (tokens and identities must not be
   * cached) and the {@link SecurityHeaders}.
   */
  public static void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    SecurityHeaders.apply(exchange.getResponseHeaders(), reply.contentType());
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes =
        reply.body() instanceof String text && !Reply.JSON.equals(reply.contentType())
            ? text.getBytes(StandardCharsets.UTF_8)
            : Json.MAPPER.writeValueAsBytes(reply.body());
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
