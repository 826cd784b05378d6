package dev.maas.model;

/**
 * Settings of the Limitador instance that holds the counters.
 *
 * @param namespace where Kuadrant and Limitador run
 * @param replicas Limitador replicas
 * @param redisSecretName a Secret (key {@code URL}) naming a Redis for counters that survive
 *     restarts, or {@code null} for in-memory counters
 * @param diskSize the size of a persistent volume that keeps the counters on disk, or {@code null}
 */
public record Limitador(String namespace, int replicas, String redisSecretName, String diskSize) {

  /** The volume a production environment without Redis gets. */
  public static final String DEFAULT_DISK_SIZE = "1Gi";

  public Limitador {
    namespace = namespace == null ? "kuadrant-system" : namespace;
    replicas = replicas <= 0 ? 1 : replicas;
  }

  /** Settings without disk storage. */
  public Limitador(String namespace, int replicas, String redisSecretName) {
    this(namespace, replicas, redisSecretName, null);
  }

  /** Whether counters are lost when Limitador restarts. */
  public boolean inMemory() {
    return redisSecretName == null && diskSize == null;
  }
}
