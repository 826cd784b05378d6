package dev.maas.validate.rules;

import dev.maas.model.Attribution;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.Set;

/**
 * A tier's attribution labels become labels of the usage metrics beside the ones the
 * TelemetryPolicy sets itself; a label of the same name would replace the tier, user, model or cost
 * centre of every sample.
 */
@Rule(
    summary = "a tier label named like a label the platform sets on usage metrics",
    inputs = "/spec/tiers")
public final class AttributionLabelNames implements SemanticRule {

  /** The metric labels the platform sets. */
  public static final Set<String> TAKEN =
      Set.of("tier", "user", "model", Attribution.COST_CENTER_LABEL);

  @Override
  public void find(Platform platform, Findings findings) {
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      for (String key : tier.attribution().labels().keySet()) {
        if (!TAKEN.contains(key)) {
          continue;
        }
        String pointer = JsonPointers.child("/spec/tiers/" + i + "/labels", key);
        findings.atKey(
            pointer,
            "label `"
                + key
                + "` of tier `"
                + tier.name()
                + "` would replace the `"
                + key
                + "` label the platform"
                + " puts on every usage metric",
            key.equals(Attribution.COST_CENTER_LABEL)
                ? "set the tier's `costCenter` instead"
                : "rename the label, e.g. `" + key + "_name`");
      }
    }
  }
}
