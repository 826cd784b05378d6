package dev.maas.render.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.CounterScope;
import dev.maas.model.Limitador;
import dev.maas.model.Model;
import dev.maas.model.Observability;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.render.EnvironmentInvariant;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.tokenservice.TokenServiceEndpoints;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generates monitoring as the spec asks: ServiceMonitors for Limitador, Authorino and the token
 * service, a PrometheusRule of usage and cost recording rules, a PrometheusRule with per-tier usage
 * and spend alerts and per-cost-centre quota and spend alerts, and a Grafana dashboard ConfigMap.
 */
@EnvironmentInvariant(reads = "tiers, model names and the gateway namespace")
public final class MonitoringGenerator implements Generator {

  /** Share of a tier's rate-limited requests over which the burst alert fires. */
  static final String LIMITED_SHARE = "0.1";

  private static final String MONITORING = "monitoring.coreos.com/v1";

  @Override
  public List<KubeObject> generate(Platform platform) {
    Observability o = platform.observability();
    List<KubeObject> out = new ArrayList<>();
    if (o == null) {
      return out;
    }
    String kuadrantNamespace =
        platform.limitador() != null
            ? platform.limitador().namespace()
            : new Limitador(null, 1, null).namespace();
    if (o.metrics()) {
      out.add(
          serviceMonitor(
              platform.name() + "-limitador",
              kuadrantNamespace,
              Map.of("app", "limitador"),
              "http",
              "/metrics"));
      out.add(
          serviceMonitor(
              platform.name() + "-authorino",
              kuadrantNamespace,
              Map.of("authorino-resource", "authorino", "control-plane", "controller-manager"),
              "http",
              "/server-metrics"));
      out.add(
          serviceMonitor(
              TokenServiceEndpoints.name(platform),
              platform.tokens().namespace(),
              // The token service's Service carries these labels (its pods' selector), not its
              // object name.
              Map.of(
                  "app.kubernetes.io/name",
                  "token-service",
                  "app.kubernetes.io/instance",
                  platform.name()),
              "metrics",
              "/metrics"));
    }
    if (o.metrics() && (o.alerts() || o.dashboards())) {
      KubeObject recording = prometheusRule(platform, "recording-rules");
      CostRules.addRecordingGroups(Manifests.spec(recording).putArray("groups"), platform);
      out.add(recording);
    }
    if (o.alerts()) {
      KubeObject rule = alerts(platform, o.tokenUsageWarnPercent());
      if (rule != null) {
        out.add(rule);
      }
    }
    if (o.dashboards()) {
      KubeObject dashboard =
          Manifests.object(
              "v1", "ConfigMap", platform.name() + "-dashboard", platform.gateway().namespace());
      ((ObjectNode) dashboard.body().get("metadata"))
          .putObject("labels")
          .put("grafana_dashboard", "1");
      dashboard
          .body()
          .putObject("data")
          .put(platform.name() + "-dashboard.json", Dashboard.json(platform));
      out.add(dashboard);
    }
    return out;
  }

  private static KubeObject serviceMonitor(
      String name, String namespace, Map<String, String> selector, String port, String path) {
    KubeObject monitor = Manifests.object(MONITORING, "ServiceMonitor", name, namespace);
    ObjectNode spec = Manifests.spec(monitor);
    ObjectNode labels = spec.putObject("selector").putObject("matchLabels");
    new java.util.TreeMap<>(selector).forEach(labels::put);
    ObjectNode endpoint = spec.putArray("endpoints").addObject();
    endpoint.put("port", port);
    endpoint.put("path", path);
    endpoint.put("interval", "30s");
    return monitor;
  }

  /** An empty PrometheusRule {@code <platform>-<suffix>} in the gateway's namespace. */
  private static KubeObject prometheusRule(Platform platform, String suffix) {
    return Manifests.object(
        MONITORING,
        "PrometheusRule",
        platform.name() + "-" + suffix,
        platform.gateway().namespace());
  }

  private static KubeObject alerts(Platform platform, int warnPercent) {
    KubeObject rule = prometheusRule(platform, "alerts");
    ArrayNode groups = Manifests.spec(rule).putArray("groups");
    for (Tier tier : platform.tiers()) {
      if (tier.unlimited()) {
        continue;
      }
      ObjectNode group = groups.addObject();
      group.put("name", platform.name() + "-" + tier.name());
      ArrayNode rules = group.putArray("rules");
      List<String> overridden = new ArrayList<>();
      for (Model model : platform.models()) {
        var limits = tier.modelLimits().get(model.name());
        if (limits != null && limits.tokens() != null && tier.allows(model.name())) {
          overridden.add(model.name());
          for (Rate rate : limits.tokens()) {
            usageAlert(
                rules,
                tier,
                "model=\"" + label(model.name()) + "\"",
                model.name(),
                rate,
                warnPercent);
          }
        }
      }
      String rest =
          overridden.isEmpty()
              ? ""
              : "model!~\""
                  + overridden.stream()
                      .map(MonitoringGenerator::label)
                      .collect(Collectors.joining("|"))
                  + "\"";
      for (Rate rate : tier.limits().tokens()) {
        usageAlert(rules, tier, rest, null, rate, warnPercent);
      }
      ObjectNode burst = rules.addObject();
      burst.put("alert", "MaasRateLimitedBurst");
      String t = "tier=\"" + label(tier.name()) + "\"";
      burst.put(
          "expr",
          "sum(rate(limited_calls{"
              + t
              + "}[5m]))\n/ (sum(rate(authorized_calls{"
              + t
              + "}[5m])) + sum(rate(limited_calls{"
              + t
              + "}[5m])))\n> "
              + LIMITED_SHARE);
      burst.put("for", "5m");
      ObjectNode labels = burst.putObject("labels");
      labels.put("severity", "warning");
      labels.put("tier", tier.name());
      ObjectNode annotations = burst.putObject("annotations");
      annotations.put(
          "summary", "More than 10% of tier " + tier.name() + "'s requests are refused with 429");
    }
    CostCenterQuota.addAlertGroup(groups, platform, warnPercent);
    CostRules.addAlertGroup(groups, platform, warnPercent);
    return groups.isEmpty() ? null : rule;
  }

  private static void usageAlert(
      ArrayNode rules, Tier tier, String extraMatcher, String model, Rate rate, int warnPercent) {
    if (rate.limit() == 0) {
      return; // a limit of 0 denies: there is no usage to warn about
    }
    String window = rate.parsedWindow().toKuadrant();
    String matchers =
        "tier=\"" + label(tier.name()) + "\"" + (extraMatcher.isEmpty() ? "" : ", " + extraMatcher);
    String by = tier.limits().counterScope() == CounterScope.USER ? " by (user) " : "";
    BigDecimal threshold = PromQl.percentOf(BigDecimal.valueOf(rate.limit()), warnPercent);
    ObjectNode alert = rules.addObject();
    alert.put("alert", "MaasTokenUsageHigh");
    alert.put(
        "expr",
        "sum"
            + by
            + "(increase(authorized_hits{"
            + matchers
            + "}["
            + window
            + "])) > "
            + threshold.toPlainString());
    alert.put("for", "1m");
    ObjectNode labels = alert.putObject("labels");
    labels.put("severity", "warning");
    labels.put("tier", tier.name());
    if (model != null) {
      labels.put("model", model);
    }
    labels.put("window", window);
    ObjectNode annotations = alert.putObject("annotations");
    annotations.put(
        "summary",
        (by.isEmpty() ? "Tier " + tier.name() : "A user of tier " + tier.name())
            + " used more than "
            + warnPercent
            + "% of "
            + rate.limit()
            + " tokens per "
            + window
            + (model == null ? "" : " on " + model));
  }

  private static String label(String value) {
    return PromQl.label(value);
  }
}
