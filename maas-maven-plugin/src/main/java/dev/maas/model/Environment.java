package dev.maas.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A deployment environment, compiled to a Kustomize overlay.
 *
 * @param name the environment's name (DNS-1123 label)
 * @param hostname the gateway hostname here, or {@code null} to keep the spec's
 * @param models per-model overrides, keyed by model name
 */
public record Environment(String name, String hostname, Map<String, ModelOverride> models) {

  public Environment {
    models = models == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(models));
  }
}
