package dev.maas.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What monitoring to generate.
 *
 * @param metrics ServiceMonitors/PodMonitors and the TelemetryPolicy
 * @param dashboards the Grafana dashboard
 * @param alerts whether to generate the PrometheusRule
 * @param tokenUsageWarnPercent warn when a tier's token use passes this share of its limit
 * @param prometheusNamespace the namespace of the Prometheus that scrapes the token service
 * @param prometheusPodLabels the labels of its pods
 * @param logs the gateway's access logs, or {@code null} when they are off (the default)
 */
public record Observability(
    boolean metrics,
    boolean dashboards,
    boolean alerts,
    int tokenUsageWarnPercent,
    String prometheusNamespace,
    Map<String, String> prometheusPodLabels,
    AccessLogs logs) {

  /** Where the Prometheus Operator's Prometheus runs by default (kube-prometheus). */
  public static final String DEFAULT_PROMETHEUS_NAMESPACE = "monitoring";

  /**
   * The label the Prometheus Operator puts on every Prometheus pod (prometheus-operator
   * pkg/prometheus/statefulset.go, {@code app.kubernetes.io/name: prometheus}).
   */
  public static final Map<String, String> DEFAULT_PROMETHEUS_POD_LABELS =
      Map.of("app.kubernetes.io/name", "prometheus");

  public Observability {
    prometheusNamespace =
        prometheusNamespace == null ? DEFAULT_PROMETHEUS_NAMESPACE : prometheusNamespace;
    prometheusPodLabels =
        prometheusPodLabels == null || prometheusPodLabels.isEmpty()
            ? DEFAULT_PROMETHEUS_POD_LABELS
            : java.util.Collections.unmodifiableMap(new TreeMap<>(prometheusPodLabels));
  }

  /** The settings of a spec that names none. */
  public static final Observability DEFAULT = new Observability(true, true, true, 80);

  /** {@code observability}, or the defaults when the spec names none. */
  public static Observability orDefault(Observability observability) {
    return observability != null ? observability : DEFAULT;
  }

  /** Settings with the default Prometheus. */
  public Observability(
      boolean metrics, boolean dashboards, boolean alerts, int tokenUsageWarnPercent) {
    this(metrics, dashboards, alerts, tokenUsageWarnPercent, null, null);
  }

  /** Settings without access logs. */
  public Observability(
      boolean metrics,
      boolean dashboards,
      boolean alerts,
      int tokenUsageWarnPercent,
      String prometheusNamespace,
      Map<String, String> prometheusPodLabels) {
    this(
        metrics,
        dashboards,
        alerts,
        tokenUsageWarnPercent,
        prometheusNamespace,
        prometheusPodLabels,
        null);
  }
}
