package dev.maas.tokenservice.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.tokenservice.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The state in the pod's namespace as one small ConfigMap per {@link Fact}, every replica sharing
 * them: named {@code <name>-<kind>-<hash of user and id>}, labelled with {@value #STATE_LABEL}
 * (listed by that selector), {@value #KIND_LABEL} and {@value #USER_LABEL} (a hash of the user). A
 * new fact is created; an existing one is read, merged and updated with its resourceVersion, and an
 * update that answers 409 Conflict (another writer was first) is read, merged and tried again. No
 * object grows with the number of users or revocations: each holds one fact of a few hundred bytes.
 */
public final class ConfigMapStore implements StateStore {

  /** The label every fact object carries, valued with the store's name. */
  public static final String STATE_LABEL = "maas.dev/state";

  /** The label that names the fact's kind. */
  public static final String KIND_LABEL = "maas.dev/fact";

  /** The label that holds a hash of the fact's user, to list one user's facts. */
  public static final String USER_LABEL = "maas.dev/user";

  /** The ConfigMap key of the fact. */
  public static final String KEY = "fact.json";

  /** The key under which earlier releases kept the whole state in the ConfigMap {@code name}. */
  public static final String LEGACY_KEY = "tokens.json";

  /** Attempts at one fact before the write is answered with an error. */
  private static final int ATTEMPTS = 16;

  /** Facts of one batch are written this many at once. */
  private static final int PARALLEL_WRITES = 8;

  /** Objects a list page holds. */
  private static final int PAGE = 500;

  private final KubernetesApi api;
  private final String name;
  private final String collection;
  private final ExecutorService writers;
  private final long maxTtl;
  private volatile boolean legacyImported;

  /**
   * The store whose objects are named after and labelled with {@code name}; a cut-off is kept
   * {@code maxTtl} past its second.
   */
  public ConfigMapStore(KubernetesApi api, String name, long maxTtl) throws IOException {
    this.api = api;
    this.name = name;
    this.maxTtl = maxTtl;
    this.collection = "/api/v1/namespaces/" + api.namespace() + "/configmaps";
    this.writers =
        Executors.newFixedThreadPool(
            PARALLEL_WRITES,
            r -> {
              Thread t = new Thread(r, "maas-state-write");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public String describe() {
    return "one ConfigMap per record, labelled " + STATE_LABEL + "=" + name;
  }

  @Override
  public TokenState read() throws IOException, InterruptedException {
    if (!legacyImported) {
      importLegacy();
      legacyImported = true;
    }
    List<Fact> facts = new ArrayList<>();
    for (JsonNode item : list()) {
      Fact fact = factOf(item);
      if (fact != null) {
        facts.add(fact);
      }
    }
    return TokenState.of(facts);
  }

  @Override
  public List<Fact> write(List<Fact> facts) throws IOException, InterruptedException {
    if (facts.size() == 1) {
      return List.of(writeOne(facts.get(0)));
    }
    List<Callable<Fact>> tasks = new ArrayList<>();
    facts.forEach(f -> tasks.add(() -> writeOne(f)));
    List<Fact> stored = new ArrayList<>();
    for (Future<Fact> done : writers.invokeAll(tasks)) {
      try {
        stored.add(done.get());
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
    }
    return stored;
  }

  @Override
  public java.util.Optional<Fact> find(Fact.Kind kind, String user, String id)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        send(api.request(collection + "/" + name + "-" + Fact.keyOf(kind, user, id)).GET());
    if (r.statusCode() == 404) {
      return java.util.Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw new IOException("reading a state record answered " + r.statusCode());
    }
    return java.util.Optional.ofNullable(factOf(Json.MAPPER.readTree(r.body())));
  }

  @Override
  public int prune(long now) throws IOException, InterruptedException {
    int gone = 0;
    for (JsonNode item : list()) {
      Fact fact = factOf(item);
      if (fact == null || !fact.expiredAt(now)) {
        continue;
      }
      // The precondition keeps a fact that another replica extended since the list.
      ObjectNode options = Json.MAPPER.createObjectNode();
      options.put("apiVersion", "v1").put("kind", "DeleteOptions");
      options
          .putObject("preconditions")
          .put("resourceVersion", item.path("metadata").path("resourceVersion").asText());
      HttpResponse<byte[]> r =
          send(
              api.request(collection + "/" + item.path("metadata").path("name").asText())
                  .header("Content-Type", "application/json")
                  .method(
                      "DELETE",
                      HttpRequest.BodyPublishers.ofByteArray(
                          Json.MAPPER.writeValueAsBytes(options))));
      if (r.statusCode() == 200 || r.statusCode() == 202) {
        gone++;
      } else if (r.statusCode() != 404 && r.statusCode() != 409) {
        throw new IOException("deleting an expired state record answered " + r.statusCode());
      }
    }
    return gone;
  }

  @Override
  public void close() {
    writers.shutdownNow();
  }

  /**
   * Earlier releases kept the whole state in the ConfigMap {@code name} under {@value #LEGACY_KEY}:
   * its records are written as objects of their own, then the key is removed (with the
   * resourceVersion read, so a concurrent import by another replica is not undone).
   */
  private void importLegacy() throws IOException, InterruptedException {
    HttpResponse<byte[]> r = send(api.request(collection + "/" + name).GET());
    if (r.statusCode() == 404) {
      return;
    }
    if (r.statusCode() != 200) {
      throw new IOException("reading the state ConfigMap answered " + r.statusCode());
    }
    ObjectNode legacy = (ObjectNode) Json.MAPPER.readTree(r.body());
    JsonNode text = legacy.path("data").path(LEGACY_KEY);
    if (!text.isTextual()) {
      return;
    }
    TokenState old = Json.MAPPER.readValue(text.asText(), TokenState.class);
    write(old.facts(maxTtl));
    ((ObjectNode) legacy.path("data")).remove(LEGACY_KEY);
    HttpResponse<byte[]> put =
        send(
            api.request(collection + "/" + name)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(legacy))));
    if (put.statusCode() != 200 && put.statusCode() != 409) {
      throw new IOException("clearing the imported state answered " + put.statusCode());
    }
  }

  /** The store's object that holds {@code fact}. */
  String objectName(Fact fact) {
    return name + "-" + fact.key();
  }

  /**
   * Creates the fact's object, or merges it into the stored one: create answers 409 when it exists,
   * update answers 409 when another writer changed it since it was read.
   */
  private Fact writeOne(Fact fact) throws IOException, InterruptedException {
    String path = collection + "/" + objectName(fact);
    boolean create = true;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (create) {
        HttpResponse<byte[]> r =
            send(
                api.request(collection)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            Json.MAPPER.writeValueAsBytes(object(fact, null)))));
        if (r.statusCode() == 201 || r.statusCode() == 200) {
          return fact;
        }
        if (r.statusCode() != 409) {
          throw new IOException("creating a state record answered " + r.statusCode());
        }
      }
      HttpResponse<byte[]> got = send(api.request(path).GET());
      if (got.statusCode() == 404) {
        // Pruned between our create and read: create it again.
        create = true;
        continue;
      }
      if (got.statusCode() != 200) {
        throw new IOException("reading a state record answered " + got.statusCode());
      }
      JsonNode current = Json.MAPPER.readTree(got.body());
      Fact stored = factOf(current);
      Fact merged = stored == null ? fact : fact.merge(stored);
      if (merged.equals(stored)) {
        return stored;
      }
      HttpResponse<byte[]> put =
          send(
              api.request(path)
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofByteArray(
                          Json.MAPPER.writeValueAsBytes(
                              object(
                                  merged,
                                  current.path("metadata").path("resourceVersion").asText())))));
      if (put.statusCode() == 200) {
        return merged;
      }
      if (put.statusCode() == 404) {
        create = true;
        continue;
      }
      if (put.statusCode() != 409) {
        throw new IOException("updating a state record answered " + put.statusCode());
      }
      create = false;
      // Another writer of the same fact was first; a short, growing pause spreads the retries.
      Thread.sleep(5L * (attempt + 1));
    }
    throw new IOException("could not store a state record: it kept changing");
  }

  /** Every object of this store, page by page. */
  private List<JsonNode> list() throws IOException, InterruptedException {
    List<JsonNode> items = new ArrayList<>();
    String next = "";
    do {
      String query =
          "?labelSelector="
              + URLEncoder.encode(STATE_LABEL + "=" + labelValue(name), StandardCharsets.UTF_8)
              + "&limit="
              + PAGE
              + (next.isEmpty()
                  ? ""
                  : "&continue=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      HttpResponse<byte[]> r = send(api.request(collection + query).GET());
      if (r.statusCode() != 200) {
        throw new IOException("listing the state records answered " + r.statusCode());
      }
      JsonNode page = Json.MAPPER.readTree(r.body());
      page.path("items").forEach(items::add);
      next = page.path("metadata").path("continue").asText("");
    } while (!next.isEmpty());
    return items;
  }

  private ObjectNode object(Fact fact, String resourceVersion) throws IOException {
    ObjectNode cm = Json.MAPPER.createObjectNode();
    cm.put("apiVersion", "v1").put("kind", "ConfigMap");
    ObjectNode meta = cm.putObject("metadata");
    meta.put("name", objectName(fact));
    if (resourceVersion != null) {
      meta.put("resourceVersion", resourceVersion);
    }
    ObjectNode labels = meta.putObject("labels");
    labels.put("app.kubernetes.io/managed-by", "maas-token-service");
    labels.put(STATE_LABEL, labelValue(name));
    labels.put(KIND_LABEL, fact.kind().prefix());
    labels.put(USER_LABEL, Fact.userHash(fact.user()));
    cm.putObject("data").put(KEY, Json.MAPPER.writeValueAsString(fact));
    return cm;
  }

  /** The fact an object holds, or null for one this store cannot read (never written by it). */
  private static Fact factOf(JsonNode object) {
    JsonNode text = object.path("data").path(KEY);
    if (!text.isTextual()) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(text.asText(), Fact.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A label value is at most 63 characters: a longer name is labelled with its hash. */
  private static String labelValue(String name) {
    return name.length() <= 63 ? name : Fact.userHash(name);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return api.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
