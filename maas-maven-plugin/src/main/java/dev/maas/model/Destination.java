package dev.maas.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where one environment's Application deploys: exactly one of a cluster's API server URL, an Argo
 * CD cluster name, or labels that select a fleet of Argo CD clusters (an ApplicationSet's cluster
 * generator).
 *
 * @param server the cluster's API server URL, or {@code null}
 * @param name the Argo CD cluster name, or {@code null}
 * @param clusterLabels labels of the Argo CD cluster Secrets to deploy to, empty unless a fleet
 */
public record Destination(String server, String name, Map<String, String> clusterLabels) {

  public Destination {
    clusterLabels =
        clusterLabels == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(clusterLabels));
  }

  /** A destination by server URL. */
  public static Destination ofServer(String server) {
    return new Destination(server, null, Map.of());
  }

  /** A destination by Argo CD cluster name. */
  public static Destination ofName(String name) {
    return new Destination(null, name, Map.of());
  }

  /** Whether this destination is a fleet selected by cluster labels. */
  public boolean fleet() {
    return !clusterLabels.isEmpty();
  }

  /**
   * How a person reads it: {@code server https://…}, {@code cluster dev} or {@code clusters
   * env=prod}.
   */
  public String describe() {
    if (server != null) {
      return "server " + server;
    }
    if (name != null) {
      return "cluster " + name;
    }
    StringBuilder out = new StringBuilder("clusters ");
    clusterLabels.forEach(
        (k, v) -> out.append(out.length() > 9 ? "," : "").append(k).append('=').append(v));
    return out.toString();
  }
}
