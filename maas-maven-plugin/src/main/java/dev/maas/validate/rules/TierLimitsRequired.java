package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * A tier without {@code limits} must say {@code unlimited: true}: no limit is never an accident.
 */
@Rule(summary = "a tier without limits that does not say unlimited: true", inputs = "/spec/tiers")
public final class TierLimitsRequired implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located<Tier> tier : Located.tiers(platform)) {
      if (!tier.item().unlimited() && !findings.written(tier.at("limits"))) {
        findings.at(
            tier.pointer(),
            "tier `"
                + tier.item().name()
                + "` has no `limits`, so its users could call models without any limit",
            "add `limits` with `requests` or `tokens`, or set `unlimited: true` if the tier is meant to have none");
      }
    }
  }
}
