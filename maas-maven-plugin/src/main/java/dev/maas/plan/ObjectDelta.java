package dev.maas.plan;

import dev.maas.output.ChangeType;

/**
 * One Kubernetes object (or a file that holds none) the plan adds, changes or removes.
 *
 * @param type what happens to it
 * @param kind its kind, or {@code file}
 * @param namespace its namespace, empty when none
 * @param name its name, or the file's path
 * @param area {@code base}, {@code overlays/<env>}, {@code argocd}
 * @param file the file that holds it (after the change, or before it when removed)
 * @param diff the unified diff of its YAML
 * @param provenanceOnly whether only the provenance annotations differ (spec hash, generator
 *     version)
 */
public record ObjectDelta(
    ChangeType type,
    String kind,
    String namespace,
    String name,
    String area,
    String file,
    String diff,
    boolean provenanceOnly) {

  /**
   * {@code AuthPolicy maas-system/acme-gateway-auth}, with the area when it is not {@code base}.
   */
  public String title() {
    String id =
        kind.equals("file")
            ? "file " + name
            : kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    return area.equals("base") || area.isEmpty() || kind.equals("file")
        ? id
        : id + " [" + area + "]";
  }
}
