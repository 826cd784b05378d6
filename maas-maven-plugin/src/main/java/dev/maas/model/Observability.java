package dev.maas.model;

/**
 * What monitoring to generate.
 *
 * @param metrics ServiceMonitors/PodMonitors and the TelemetryPolicy
 * @param dashboards the Grafana dashboard
 * @param alerts whether to generate the PrometheusRule
 * @param tokenUsageWarnPercent warn when a tier's token use passes this share of its limit
 */
public record Observability(boolean metrics, boolean dashboards, boolean alerts, int tokenUsageWarnPercent) {}
