package dev.maas.render.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.cel.CelStrings;
import dev.maas.model.Attribution;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.render.EnvironmentInvariant;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Generates the TelemetryPolicy that labels the gateway's usage metrics with tier, user and model,
 * and with the tiers' cost centres and attribution labels.
 */
@EnvironmentInvariant(reads = "the gateway's name and namespace")
public final class TelemetryPolicyGenerator implements Generator {

  @Override
  public List<KubeObject> generate(Platform platform) {
    if (platform.observability() == null || !platform.observability().metrics()) {
      return List.of();
    }
    KubeObject policy =
        Manifests.object(
            "extensions.kuadrant.io/v1alpha1",
            "TelemetryPolicy",
            platform.name() + "-telemetry",
            platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(policy);
    spec.set("targetRef", Manifests.gatewayTarget(platform.gateway().name()));
    ObjectNode labels = spec.putObject("metrics").putObject("default").putObject("labels");
    // The served model name is the spec's model name (see the KServe generator), so the label
    // matches it.
    labels.put("model", "responseBodyJSON(\"/model\")");
    labels.put("tier", Predicates.TIER);
    labels.put("user", Predicates.USER_ID);
    attribution(platform).forEach(labels::put);
    return List.of(policy);
  }

  /**
   * The attribution labels, each a CEL map from tier to value looked up by the caller's tier: the
   * cost centre as {@code cost_center}, then the tiers' own labels, sorted. A tier without the
   * label makes the lookup fail, and Kuadrant then leaves the label off the sample ("only labels
   * whose CEL expressions resolve successfully will be included", the TelemetryPolicy CRD), so no
   * tier is charged to another's cost centre.
   */
  public static Map<String, String> attribution(Platform platform) {
    Map<String, Map<String, String>> byLabel = new TreeMap<>();
    for (Tier tier : platform.tiers()) {
      Attribution a = tier.attribution();
      if (a.costCenter() != null) {
        byLabel
            .computeIfAbsent(Attribution.COST_CENTER_LABEL, k -> new LinkedHashMap<>())
            .put(tier.name(), a.costCenter());
      }
      a.labels()
          .forEach(
              (key, value) ->
                  byLabel.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(tier.name(), value));
    }
    Map<String, String> out = new LinkedHashMap<>();
    byLabel.forEach(
        (label, values) ->
            out.put(
                label,
                "{"
                    + values.entrySet().stream()
                        .map(
                            e ->
                                CelStrings.quote(e.getKey())
                                    + ": "
                                    + CelStrings.quote(e.getValue()))
                        .collect(Collectors.joining(", "))
                    + "}["
                    + Predicates.TIER
                    + "]"));
    return out;
  }
}
