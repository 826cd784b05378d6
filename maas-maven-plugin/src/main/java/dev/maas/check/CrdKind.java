package dev.maas.check;

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
record CrdKind(String group, String kind, boolean namespaced, Map<String, Version> versions, String file) {

  /**
   * One version of the kind.
   *
   * @param name e.g. {@code v1alpha1}
   * @param served whether the API server serves it
   * @param deprecationWarning the warning the API server gives, or {@code null} when not deprecated
   * @param schema its parsed {@code openAPIV3Schema}
   */
  record Version(String name, boolean served, String deprecationWarning, SchemaNode schema) {}
}
