package dev.maas.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One generated Kubernetes object, held as a JSON tree in the order its fields are written.
 *
 * @param body the whole object: apiVersion, kind, metadata, spec...
 */
public record KubeObject(ObjectNode body) {

  /** The object's apiVersion. */
  public String apiVersion() {
    return body.path("apiVersion").asText();
  }

  /** The object's kind. */
  public String kind() {
    return body.path("kind").asText();
  }

  /** The object's name. */
  public String name() {
    return body.path("metadata").path("name").asText();
  }

  /** The object's namespace, or the empty string for a cluster-scoped object. */
  public String namespace() {
    return body.path("metadata").path("namespace").asText("");
  }

  /** The API group: the part of apiVersion before the slash, empty for the core group. */
  public String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }
}
