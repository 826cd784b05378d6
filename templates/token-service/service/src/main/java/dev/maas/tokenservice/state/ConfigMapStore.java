package dev.maas.tokenservice.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.tokenservice.json.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The state in one ConfigMap of the pod's namespace (key {@value #KEY}), shared by every replica
 * and updated with optimistic concurrency: an update with a stale resourceVersion is refused with
 * 409, and the ledger merges and retries. A Role grants get and update on this one ConfigMap only.
 */
public final class ConfigMapStore implements StateStore {

  /** The ConfigMap key of the state. */
  public static final String KEY = "tokens.json";

  private final KubernetesApi api;
  private final String path;

  public ConfigMapStore(KubernetesApi api, String name) throws IOException {
    this.api = api;
    this.path = "/api/v1/namespaces/" + api.namespace() + "/configmaps/" + name;
  }

  @Override
  public Snapshot read() throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        api.http().send(api.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException("reading the state ConfigMap answered " + r.statusCode());
    }
    ObjectNode cm = (ObjectNode) Json.MAPPER.readTree(r.body());
    JsonNode text = cm.path("data").path(KEY);
    TokenState state =
        text.isTextual() && !text.asText().isBlank()
            ? Json.MAPPER.readValue(text.asText(), TokenState.class)
            : TokenState.EMPTY;
    return new Snapshot(state, cm);
  }

  @Override
  public Optional<Snapshot> write(TokenState state, Snapshot basis)
      throws IOException, InterruptedException {
    // The object as read, labels, annotations and resourceVersion included, with only our key
    // replaced.
    ObjectNode cm = basis.basis().deepCopy();
    JsonNode data = cm.path("data");
    ObjectNode out = data.isObject() ? (ObjectNode) data : cm.putObject("data");
    out.put(KEY, Json.MAPPER.writeValueAsString(state));
    HttpResponse<byte[]> r =
        api.http()
            .send(
                api.request(path)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(cm)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 409) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw new IOException("updating the state ConfigMap answered " + r.statusCode());
    }
    // The API answers the object as stored, with its new resourceVersion: the basis of the next
    // write.
    return Optional.of(new Snapshot(state, (ObjectNode) Json.MAPPER.readTree(r.body())));
  }
}
