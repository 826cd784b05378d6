package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.List;

/** Every model in a tier's allow-list is a model of the platform. */
@Rule(
    summary = "a tier allows a model the spec does not define",
    inputs = {"/spec/tiers", "/spec/models"})
public final class TierModelsExist implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located<Tier> tier : Located.tiers(platform)) {
      List<String> models = tier.item().models() == null ? List.of() : tier.item().models();
      for (Located<String> name : Located.of(models, tier.at("models"))) {
        if (platform.model(name.item()).isEmpty()) {
          findings.at(
              name.pointer(),
              "tier `"
                  + tier.item().name()
                  + "` allows model `"
                  + name.item()
                  + "`, which is not defined in spec.models",
              KnownModels.hint(name.item(), platform));
        }
      }
    }
  }
}
