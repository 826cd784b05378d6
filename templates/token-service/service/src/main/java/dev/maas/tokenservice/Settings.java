package dev.maas.tokenservice;

import dev.maas.tokenservice.state.StoreSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the service finds its config, keys and state, and where it listens; from the environment.
 *
 * @param config {@code MAAS_CONFIG}: the config.json the compiler wrote; the model shards it names
 *     are read from its directory
 * @param keysDir {@code MAAS_KEYS_DIR}: the signing keys
 * @param stateDir {@code MAAS_STATE_DIR}: the state file outside a cluster
 * @param stateConfigMap {@code MAAS_STATE_CONFIGMAP}: the state ConfigMap in a cluster, or null
 * @param bindAddress {@code MAAS_BIND_ADDRESS}
 * @param port {@code MAAS_PORT}: the API; 0 picks a free port
 * @param metricsPort {@code MAAS_METRICS_PORT}: health and metrics; 0 picks a free port
 * @param maxThreads {@code MAAS_THREADS}: the API pool's ceiling
 * @param kubernetesHost {@code KUBERNETES_SERVICE_HOST}, set by Kubernetes in every pod, or null
 * @param kubernetesPort {@code KUBERNETES_SERVICE_PORT}
 * @param store which store keeps the state ({@link StoreSettings})
 * @param auditOtlpEndpoint {@code MAAS_AUDIT_OTLP_ENDPOINT}: the OTLP/HTTP logs URL (ending in
 *     {@code /v1/logs}) the audit events are also sent to, or null for stdout only
 */
public record Settings(
    Path config,
    Path keysDir,
    Path stateDir,
    String stateConfigMap,
    String bindAddress,
    int port,
    int metricsPort,
    int maxThreads,
    String kubernetesHost,
    String kubernetesPort,
    StoreSettings store,
    String auditOtlpEndpoint) {

  /** The settings an environment names, with the defaults of the generated Deployment. */
  public static Settings from(Map<String, String> env) {
    return new Settings(
        Path.of(get(env, "MAAS_CONFIG", "/etc/maas/config/config.json")),
        Path.of(get(env, "MAAS_KEYS_DIR", "/etc/maas/keys")),
        Path.of(get(env, "MAAS_STATE_DIR", "/var/lib/maas")),
        get(env, "MAAS_STATE_CONFIGMAP", null),
        get(env, "MAAS_BIND_ADDRESS", "0.0.0.0"),
        Integer.parseInt(get(env, "MAAS_PORT", "8080")),
        Integer.parseInt(get(env, "MAAS_METRICS_PORT", "9090")),
        Integer.parseInt(get(env, "MAAS_THREADS", "200")),
        get(env, "KUBERNETES_SERVICE_HOST", null),
        get(env, "KUBERNETES_SERVICE_PORT", "443"),
        StoreSettings.from(env),
        get(env, "MAAS_AUDIT_OTLP_ENDPOINT", null));
  }

  private static String get(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
