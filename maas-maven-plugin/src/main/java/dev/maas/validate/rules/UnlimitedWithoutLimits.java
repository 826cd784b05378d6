package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** {@code unlimited: true} and {@code limits} contradict each other; neither may silently win. */
@Rule(summary = "a tier is unlimited: true and also sets limits", inputs = "/spec/tiers")
public final class UnlimitedWithoutLimits implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located<Tier> tier : Located.tiers(platform)) {
      if (tier.item().unlimited() && findings.written(tier.at("limits"))) {
        findings.at(
            tier.at("unlimited"),
            "tier `"
                + tier.item().name()
                + "` is `unlimited: true` but also sets `limits`"
                + " (line "
                + findings.keyLine(tier.at("limits"))
                + ")",
            "remove `limits` for a tier without limits, or remove `unlimited: true` to apply them");
      }
    }
  }
}
