package dev.maas.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Starts Kubernetes objects and JSON trees in the field order every generator writes them. */
public final class Manifests {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Manifests() {}

  /** An object with apiVersion, kind and metadata (name, and namespace unless {@code null}). */
  public static KubeObject object(String apiVersion, String kind, String name, String namespace) {
    ObjectNode body = NODES.objectNode();
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
    ObjectNode metadata = body.putObject("metadata");
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    return new KubeObject(body);
  }

  /** An empty JSON object. */
  public static ObjectNode map() {
    return NODES.objectNode();
  }

  /** An empty JSON array. */
  public static ArrayNode list() {
    return NODES.arrayNode();
  }

  /** The object's {@code spec}, created empty when absent. */
  public static ObjectNode spec(KubeObject object) {
    return object.body().has("spec")
        ? (ObjectNode) object.body().get("spec")
        : object.body().putObject("spec");
  }

  /** A Gateway API policy target reference to a Gateway. */
  public static ObjectNode gatewayTarget(String gatewayName) {
    return target("Gateway", gatewayName);
  }

  /** A Gateway API policy target reference to an HTTPRoute of the policy's namespace. */
  public static ObjectNode routeTarget(String routeName) {
    return target("HTTPRoute", routeName);
  }

  private static ObjectNode target(String kind, String name) {
    ObjectNode ref = map();
    ref.put("group", "gateway.networking.k8s.io");
    ref.put("kind", kind);
    ref.put("name", name);
    return ref;
  }
}
