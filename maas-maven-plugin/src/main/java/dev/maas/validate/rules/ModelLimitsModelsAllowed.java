package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** A tier sets per-model limits only for models it may call; others would be dead configuration. */
@Rule(
    summary = "a tier sets limits for a model it may not call",
    inputs = {"/spec/tiers", "/spec/models"})
public final class ModelLimitsModelsAllowed implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located<Tier> tier : Located.tiers(platform)) {
      for (String name : ModelLimitsModelsExist.keysInSpecOrder(findings.document(), tier)) {
        if (platform.model(name).isPresent() && !tier.item().allows(name)) {
          findings.atKey(
              JsonPointers.child(tier.at("modelLimits"), name),
              "tier `"
                  + tier.item().name()
                  + "` sets limits for model `"
                  + name
                  + "`, but its `models` list does not allow that model, so the limits would never apply",
              "add `" + name + "` to " + tier.at("models") + ", or remove these limits");
        }
      }
    }
  }
}
