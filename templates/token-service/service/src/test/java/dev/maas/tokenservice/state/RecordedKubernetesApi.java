package dev.maas.tokenservice.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.maas.tokenservice.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Kubernetes API's ConfigMaps of one namespace, with the semantics its
 * documentation records (API concepts: resource versions, optimistic concurrency, chunked lists):
 * create answers 409 AlreadyExists for a taken name; every write gets a new resourceVersion from
 * one counter; an update or a delete whose resourceVersion (or precondition) is stale answers 409
 * Conflict; an update of a missing object answers 404; a list filters by an equality label selector
 * and pages with {@code limit} and {@code continue}. It is not an API server: there is none here,
 * so this is how the store's conflict handling is tested.
 */
final class RecordedKubernetesApi implements AutoCloseable {

  static final String NAMESPACE = "maas-system";

  private static final String COLLECTION = "/api/v1/namespaces/" + NAMESPACE + "/configmaps";

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final Map<String, ObjectNode> objects = new TreeMap<>();
  private long version = 1;

  /** Updates and deletes refused with 409 because of a stale resourceVersion. */
  final AtomicInteger conflicts = new AtomicInteger();

  /** Creates refused with 409 because the name was taken. */
  final AtomicInteger alreadyExists = new AtomicInteger();

  /** The Authorization header of every request. */
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  RecordedKubernetesApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(pool);
    server.createContext("/", this::answer);
    server.start();
  }

  /** A client of this server as a pod of {@code account}'s namespace would be one. */
  KubernetesApi client(Path account) throws IOException {
    Files.writeString(account.resolve("namespace"), NAMESPACE + "\n");
    if (!Files.exists(account.resolve("token"))) {
      Files.writeString(account.resolve("token"), "sa-token-1\n");
    }
    return new KubernetesApi(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        account,
        HttpClient.newHttpClient());
  }

  /** Stores {@code object} as a create would. */
  synchronized void seed(ObjectNode object) {
    create(object);
  }

  /** The stored objects, by name. */
  synchronized Map<String, ObjectNode> objects() {
    return new TreeMap<>(objects);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void answer(HttpExchange ex) throws IOException {
    try (ex) {
      authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      JsonNode body =
          method.equals("GET") ? null : Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
      Reply reply;
      synchronized (this) {
        if (path.equals(COLLECTION)) {
          reply =
              switch (method) {
                case "POST" -> create((ObjectNode) body);
                case "GET" -> list(ex.getRequestURI().getRawQuery());
                default -> status(405, "MethodNotAllowed");
              };
        } else if (path.startsWith(COLLECTION + "/")) {
          String name = path.substring(COLLECTION.length() + 1);
          reply =
              switch (method) {
                case "GET" -> objects.containsKey(name) ? ok(objects.get(name)) : notFound();
                case "PUT" -> update(name, (ObjectNode) body);
                case "DELETE" -> delete(name, body);
                default -> status(405, "MethodNotAllowed");
              };
        } else {
          reply = notFound();
        }
      }
      byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body());
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(reply.code(), bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  private Reply create(ObjectNode object) {
    String name = object.path("metadata").path("name").asText();
    if (objects.containsKey(name)) {
      alreadyExists.incrementAndGet();
      return status(409, "AlreadyExists");
    }
    ObjectNode meta = (ObjectNode) object.path("metadata");
    meta.put("namespace", NAMESPACE);
    meta.put("resourceVersion", String.valueOf(++version));
    objects.put(name, object);
    return new Reply(201, object);
  }

  private Reply update(String name, ObjectNode object) {
    ObjectNode current = objects.get(name);
    if (current == null) {
      return notFound();
    }
    if (!name.equals(object.path("metadata").path("name").asText())) {
      return status(400, "BadRequest");
    }
    String sent = object.path("metadata").path("resourceVersion").asText("");
    // An update without a resourceVersion is unconditional for ConfigMaps; with one, it must match.
    if (!sent.isEmpty()
        && !sent.equals(current.path("metadata").path("resourceVersion").asText())) {
      conflicts.incrementAndGet();
      return status(409, "Conflict");
    }
    ((ObjectNode) object.path("metadata")).put("namespace", NAMESPACE);
    ((ObjectNode) object.path("metadata")).put("resourceVersion", String.valueOf(++version));
    objects.put(name, object);
    return ok(object);
  }

  private Reply delete(String name, JsonNode options) {
    ObjectNode current = objects.get(name);
    if (current == null) {
      return notFound();
    }
    String precondition =
        options == null ? "" : options.path("preconditions").path("resourceVersion").asText("");
    if (!precondition.isEmpty()
        && !precondition.equals(current.path("metadata").path("resourceVersion").asText())) {
      conflicts.incrementAndGet();
      return status(409, "Conflict");
    }
    objects.remove(name);
    return status(200, "Success");
  }

  private Reply list(String rawQuery) {
    Map<String, String> query = new TreeMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    Map<String, String> selector = new TreeMap<>();
    for (String term : query.getOrDefault("labelSelector", "").split(",")) {
      if (!term.isEmpty()) {
        String[] kv = term.split("=", 2);
        selector.put(kv[0], kv[1]);
      }
    }
    int limit = Integer.parseInt(query.getOrDefault("limit", "0"));
    String after = query.getOrDefault("continue", "");
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("apiVersion", "v1").put("kind", "ConfigMapList");
    ObjectNode meta = out.putObject("metadata");
    meta.put("resourceVersion", String.valueOf(version));
    ArrayNode items = out.putArray("items");
    for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
      if (!after.isEmpty() && e.getKey().compareTo(after) <= 0) {
        continue;
      }
      JsonNode labels = e.getValue().path("metadata").path("labels");
      if (selector.entrySet().stream()
          .allMatch(s -> s.getValue().equals(labels.path(s.getKey()).asText(null)))) {
        if (limit > 0 && items.size() == limit) {
          meta.put("continue", items.get(items.size() - 1).path("metadata").path("name").asText());
          break;
        }
        items.add(e.getValue());
      }
    }
    return ok(out);
  }

  private static Reply ok(JsonNode body) {
    return new Reply(200, body);
  }

  private static Reply notFound() {
    return status(404, "NotFound");
  }

  private static Reply status(int code, String reason) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("apiVersion", "v1").put("kind", "Status").put("code", code).put("reason", reason);
    s.put("status", code < 300 ? "Success" : "Failure");
    return new Reply(code, s);
  }

  private record Reply(int code, JsonNode body) {}
}
