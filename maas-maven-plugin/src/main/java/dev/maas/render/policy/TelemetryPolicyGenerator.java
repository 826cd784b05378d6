package dev.maas.render.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Platform;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import java.util.List;

/** Generates the TelemetryPolicy that labels the gateway's usage metrics with tier, user and model. */
public final class TelemetryPolicyGenerator implements Generator {

  /** It reads the gateway's name and namespace. */
  @Override
  public boolean environmentInvariant() {
    return true;
  }

  @Override
  public String name() {
    return "telemetry-policy";
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    if (platform.observability() == null || !platform.observability().metrics()) {
      return List.of();
    }
    KubeObject policy = Manifests.object("extensions.kuadrant.io/v1alpha1", "TelemetryPolicy",
        platform.name() + "-telemetry", platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(policy);
    spec.set("targetRef", Manifests.gatewayTarget(platform.gateway().name()));
    ObjectNode labels = spec.putObject("metrics").putObject("default").putObject("labels");
    // The served model name is the spec's model name (see the KServe generator), so the label matches it.
    labels.put("model", "responseBodyJSON(\"/model\")");
    labels.put("tier", Predicates.TIER);
    labels.put("user", Predicates.USER_ID);
    return List.of(policy);
  }
}
