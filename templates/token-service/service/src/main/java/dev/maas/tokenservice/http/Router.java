package dev.maas.tokenservice.http;

import dev.maas.tokenservice.audit.AuditLog;
import dev.maas.tokenservice.metrics.Metrics;
import dev.maas.tokenservice.text.LogText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Dispatches a request to its route; every refusal is counted, audited and answered as {@code
 * {"error": ...}} with its status.
 */
public final class Router {

  private final List<Route> routes;
  private final Metrics metrics;
  private final AuditLog audit;
  private final Consumer<String> log;

  /**
   * An answer and, for a method the path does not take, the methods it does ({@code Allow}).
   *
   * @param reply the answer
   * @param allow the {@code Allow} header's value, or null
   */
  record Outcome(Reply reply, String allow) {}

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

  /** The answer to {@code request}: its route's, a refusal's, or a 500 that names nothing. */
  Outcome answer(Request request) {
    try {
      return dispatch(request);
    } catch (Refusal r) {
      return refused(request, r);
    } catch (Exception e) {
      return failed(request, e);
    }
  }

  /**
   * The answer to a request whose handler failed: its refusal, or a 500 that names nothing; the log
   * has the exception's class and message only, as neither holds a token or a key, and no stack
   * trace reaches clients.
   */
  Outcome failed(Request request, Throwable e) {
    if (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof Refusal r) {
      // A refusal that only the store could decide (a cap it counts).
      return refused(request, r);
    }
    metrics.refused("internal_error");
    log.accept(
        "internal error on "
            + request.method()
            + " "
            + LogText.escape(request.path())
            + ": "
            + e.getClass().getName()
            + ": "
            + LogText.escape(e.getMessage()));
    return new Outcome(Reply.json(500, Map.of("error", "internal error")), null);
  }

  private Outcome dispatch(Request request) throws Exception {
    String path = request.path();
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Optional<String> parameter = route.match(path);
      if (parameter.isEmpty()) {
        continue;
      }
      if (route.method().equals(request.method())) {
        return new Outcome(route.handler().handle(request.withParameter(parameter.get())), null);
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw new Refusal(404, "not_found", "no such endpoint");
    }
    Outcome refused =
        refused(
            request, new Refusal(405, "method_not_allowed", "use " + String.join(" or ", allowed)));
    return new Outcome(refused.reply(), String.join(", ", allowed));
  }

  /** The answer to a refused request, counted and audited. */
  Outcome refused(Request request, Refusal r) {
    metrics.refused(r.reason());
    audit.denied(request.header("X-MaaS-Username"), null, r.reason(), r.status(), request.path());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", r.getMessage());
    body.putAll(r.extra());
    return new Outcome(Reply.json(r.status(), body), null);
  }
}
