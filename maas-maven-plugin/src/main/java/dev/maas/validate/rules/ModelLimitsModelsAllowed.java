package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** A tier sets per-model limits only for models it may call; others would be dead configuration. */
@Rule(summary = "a tier sets limits for a model it may not call")
public final class ModelLimitsModelsAllowed implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/tiers", "/spec/models");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      for (String name : ModelLimitsModelsExist.keysInSpecOrder(document, i, tier)) {
        if (platform.model(name).isPresent() && !tier.allows(name)) {
          String pointer = JsonPointers.child("/spec/tiers/" + i + "/modelLimits", name);
          out.add(Diagnostic.error(code(), document.locateKey(pointer), pointer,
              "tier `" + tier.name() + "` sets limits for model `" + name
                  + "`, but its `models` list does not allow that model, so the limits would never apply",
              "add `" + name + "` to /spec/tiers/" + i + "/models, or remove these limits"));
        }
      }
    }
    return out;
  }
}
