package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.SpecDocument;
import dev.maas.spec.YamlNode;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.List;

/** Every key of a tier's {@code modelLimits} names a model of the platform. */
@Rule(
    summary = "a tier's modelLimits names a model the spec does not define",
    inputs = {"/spec/tiers", "/spec/models"})
public final class ModelLimitsModelsExist implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located<Tier> tier : Located.tiers(platform)) {
      for (String name : keysInSpecOrder(findings.document(), tier)) {
        if (platform.model(name).isEmpty()) {
          findings.atKey(
              JsonPointers.child(tier.at("modelLimits"), name),
              "tier `"
                  + tier.item().name()
                  + "` sets limits for model `"
                  + name
                  + "`, which is not defined in spec.models",
              KnownModels.hint(name, platform));
        }
      }
    }
  }

  /** The tier's modelLimits keys as written, so findings come in file order. */
  static List<String> keysInSpecOrder(SpecDocument document, Located<Tier> tier) {
    if (document.find(tier.at("modelLimits")) instanceof YamlNode.Mapping m) {
      return List.copyOf(m.entries().keySet());
    }
    return List.copyOf(tier.item().modelLimits().keySet());
  }
}
