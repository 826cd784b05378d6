package dev.maas.tokenservice.state;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which store keeps the state, and how often a replica re-reads it; from the environment.
 *
 * @param backend {@code MAAS_STATE_BACKEND}: {@code file}, {@code kubernetes} or {@code redis};
 *     unset, {@code kubernetes} in a pod given {@code MAAS_STATE_CONFIGMAP}, else {@code file}
 * @param stateDir {@code MAAS_STATE_DIR}: the file store's folder
 * @param name {@code MAAS_STATE_CONFIGMAP}: the name the Kubernetes store's objects and the Redis
 *     keys begin with
 * @param kubernetesHost {@code KUBERNETES_SERVICE_HOST}, or null
 * @param kubernetesPort {@code KUBERNETES_SERVICE_PORT}
 * @param redisUrl {@code MAAS_REDIS_URL}: {@code redis://host:port[/db]} or {@code rediss://…}
 * @param redisUser {@code MAAS_REDIS_USERNAME}, or null
 * @param redisPassword {@code MAAS_REDIS_PASSWORD}, from a Secret; never logged
 * @param refreshSeconds {@code MAAS_STATE_REFRESH_SECONDS}: how often the shared store is re-read,
 *     the bound on how late a revocation made on one replica is refused on another
 */
public record StoreSettings(
    String backend,
    Path stateDir,
    String name,
    String kubernetesHost,
    String kubernetesPort,
    URI redisUrl,
    String redisUser,
    String redisPassword,
    int refreshSeconds) {

  /** The store's name where none is given. */
  public static final String DEFAULT_NAME = "maas-token-service-state";

  /** How often a shared store is re-read by default, in seconds. */
  public static final int DEFAULT_REFRESH_SECONDS = 5;

  /** The settings an environment names. */
  public static StoreSettings from(Map<String, String> env) {
    String name = get(env, "MAAS_STATE_CONFIGMAP", null);
    String host = get(env, "KUBERNETES_SERVICE_HOST", null);
    String redis = get(env, "MAAS_REDIS_URL", null);
    String backend =
        get(env, "MAAS_STATE_BACKEND", name != null && host != null ? "kubernetes" : "file");
    return new StoreSettings(
        backend,
        Path.of(get(env, "MAAS_STATE_DIR", "/var/lib/maas")),
        name != null ? name : DEFAULT_NAME,
        host,
        get(env, "KUBERNETES_SERVICE_PORT", "443"),
        redis == null ? null : URI.create(redis),
        get(env, "MAAS_REDIS_USERNAME", null),
        get(env, "MAAS_REDIS_PASSWORD", null),
        Integer.parseInt(
            get(env, "MAAS_STATE_REFRESH_SECONDS", String.valueOf(DEFAULT_REFRESH_SECONDS))));
  }

  /** Opens the store these settings name; a cut-off is kept {@code maxTtl} past its second. */
  public StateStore open(long maxTtl) throws IOException {
    return switch (backend) {
      case "file" -> new FileStore(stateDir.resolve("tokens.json"), maxTtl);
      case "kubernetes" -> {
        if (kubernetesHost == null) {
          throw new IOException(
              "MAAS_STATE_BACKEND=kubernetes needs KUBERNETES_SERVICE_HOST (set in every pod)");
        }
        yield new ConfigMapStore(
            new KubernetesApi(kubernetesHost, kubernetesPort, KubernetesApi.SERVICE_ACCOUNT),
            name,
            maxTtl);
      }
      case "redis" -> {
        if (redisUrl == null) {
          throw new IOException("MAAS_STATE_BACKEND=redis needs MAAS_REDIS_URL");
        }
        try {
          yield new RedisStore(redisUrl, redisUser, redisPassword, "maas:" + name);
        } catch (IllegalArgumentException e) {
          throw new IOException(e.getMessage(), e);
        }
      }
      default ->
          throw new IOException(
              "MAAS_STATE_BACKEND is file, kubernetes or redis, not '" + backend + "'");
    };
  }

  /** Everything but the password. */
  @Override
  public String toString() {
    return "StoreSettings[backend="
        + backend
        + ", name="
        + name
        + ", redisUrl="
        + (redisUrl == null ? null : redisUrl.getHost() + ":" + redisUrl.getPort())
        + ", refreshSeconds="
        + refreshSeconds
        + "]";
  }

  private static String get(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
