package dev.maas.model;

/**
 * Where the gateway's access logs go: through an OpenTelemetry Collector to an OTLP endpoint, Loki's by default.
 *
 * @param namespace where the collector runs
 * @param otlpEndpoint the OTLP/HTTP endpoint the collector exports to
 */
public record Logs(String namespace, String otlpEndpoint) {

  /** Loki's OTLP ingestion path (Loki 3), in the namespace where kube-prometheus-style stacks run it. */
  public static final String DEFAULT_LOKI_OTLP = "http://loki-gateway.monitoring.svc.cluster.local/otlp";

  public Logs {
    otlpEndpoint = otlpEndpoint == null ? DEFAULT_LOKI_OTLP : otlpEndpoint;
  }
}
