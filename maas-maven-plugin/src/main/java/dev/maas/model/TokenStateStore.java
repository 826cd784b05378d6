package dev.maas.model;

/**
 * Where the token service keeps revocations, issued-token records and API-key hashes, shared by its
 * replicas.
 *
 * @param backend {@link #KUBERNETES} (one ConfigMap per record in the service's namespace) or
 *     {@link #REDIS}
 * @param redisUrl for Redis: {@code redis://host:port[/db]} or {@code rediss://…}, without
 *     credentials; else null
 * @param redisSecret for Redis: the Secret whose {@code password} (and optional {@code username})
 *     sign in, a reference only; null for a Redis without a password
 */
public record TokenStateStore(String backend, String redisUrl, String redisSecret) {

  /** One ConfigMap per record, through the Kubernetes API: the default. */
  public static final String KUBERNETES = "kubernetes";

  /** One key per record in a Redis the spec names. */
  public static final String REDIS = "redis";

  /** The default store. */
  public static final TokenStateStore DEFAULT = new TokenStateStore(KUBERNETES, null, null);

  public TokenStateStore {
    backend = backend == null ? KUBERNETES : backend;
  }

  /** Whether the state is kept in Redis. */
  public boolean redis() {
    return REDIS.equals(backend);
  }
}
