package dev.maas.model;

/**
 * Settings of the Limitador instance that holds the counters.
 *
 * @param namespace where Kuadrant and Limitador run
 * @param replicas Limitador replicas
 * @param redisSecretName a Secret (key {@code URL}) naming a Redis for counters that survive restarts, or
 *     {@code null} for in-memory counters
 */
public record Limitador(String namespace, int replicas, String redisSecretName) {

  public Limitador {
    namespace = namespace == null ? "kuadrant-system" : namespace;
    replicas = replicas <= 0 ? 1 : replicas;
  }
}
