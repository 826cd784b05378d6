package dev.maas.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A deployment environment, compiled to a Kustomize overlay.
 *
 * @param name the environment's name (DNS-1123 label)
 * @param hostname the gateway hostname here, or {@code null} to keep the spec's
 * @param models per-model overrides, keyed by model name
 * @param destination the destination the spec gives it, or {@code null} for the default ({@link
 *     Environments#destination})
 * @param production whether the spec marks it as production, or {@code null} for the rule of {@link
 *     Environments#production}
 */
public record Environment(
    String name,
    String hostname,
    Map<String, ModelOverride> models,
    Destination destination,
    Boolean production) {

  public Environment {
    models =
        models == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(models));
  }

  /** An environment with the default destination and production rule. */
  public Environment(String name, String hostname, Map<String, ModelOverride> models) {
    this(name, hostname, models, null, null);
  }
}
