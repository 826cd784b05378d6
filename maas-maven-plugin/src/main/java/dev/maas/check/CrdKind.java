package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A kind defined by a CRD, with its versions.
 *
 * @param group the API group
 * @param kind the kind
 * @param namespaced whether objects of the kind live in a namespace
 * @param versions version name → version, in the CRD's order
 * @param file the CRD file's name, for messages
 */
record CrdKind(
    String group, String kind, boolean namespaced, Map<String, Version> versions, String file) {

  /**
   * One version of the kind.
   *
   * @param name e.g. {@code v1alpha1}
   * @param served whether the API server serves it
   * @param deprecationWarning the warning the API server gives, or {@code null} when not deprecated
   * @param openApiSchema its {@code openAPIV3Schema}, parsed on first use
   */
  record Version(String name, boolean served, String deprecationWarning, ParsedOnce openApiSchema) {

    /** Its parsed {@code openAPIV3Schema}, or {@code null} when the CRD gives none. */
    SchemaNode schema() {
      return openApiSchema.get();
    }
  }

  /**
   * A schema parsed the first time it is asked for: a folder of CRDs holds kinds no output uses
   * (Argo CD's ApplicationSet alone is 1.4 MB), and parsing them all cost a fresh JVM about 0.2 s.
   */
  static final class ParsedOnce {
    private final JsonNode source;
    private volatile SchemaNode parsed;

    ParsedOnce(JsonNode source) {
      this.source = source;
    }

    SchemaNode get() {
      if (source == null) {
        return null;
      }
      SchemaNode node = parsed;
      if (node == null) {
        synchronized (this) {
          node = parsed;
          if (node == null) {
            node = SchemaNode.parse(source);
            parsed = node;
          }
        }
      }
      return node;
    }
  }
}
