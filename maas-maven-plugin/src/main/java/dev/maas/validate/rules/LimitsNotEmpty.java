package dev.maas.validate.rules;

import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.Map;

/**
 * A {@code limits} block (of a tier or of one model) limits something: requests, tokens or both.
 */
@Rule(summary = "a limits block that limits neither requests nor tokens", inputs = "/spec/tiers")
public final class LimitsNotEmpty implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located<Tier> located : Located.tiers(platform)) {
      Tier tier = located.item();
      // With `unlimited: true` a limits block is already an error of its own.
      if (!tier.unlimited()
          && findings.written(located.at("limits"))
          && tier.limits().requests().isEmpty()
          && tier.limits().tokens().isEmpty()) {
        findings.at(
            located.at("limits"),
            "the limits of tier `"
                + tier.name()
                + "` set neither `requests` nor `tokens`, so nothing is limited",
            "add `requests` or `tokens`, or replace `limits` with `unlimited: true`");
      }
      for (Map.Entry<String, ModelLimits> e : tier.modelLimits().entrySet()) {
        if (e.getValue().requests() == null && e.getValue().tokens() == null) {
          findings.at(
              JsonPointers.child(located.at("modelLimits"), e.getKey()),
              "the limits of tier `"
                  + tier.name()
                  + "` for model `"
                  + e.getKey()
                  + "` set neither `requests` nor `tokens`, so they change nothing",
              "add `requests` or `tokens`, or remove the entry");
        }
      }
    }
  }
}
