package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** Every model in a tier's allow-list is a model of the platform. */
@Rule(summary = "a tier allows a model the spec does not define")
public final class TierModelsExist implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/tiers", "/spec/models");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      if (tier.models() == null) {
        continue;
      }
      for (int k = 0; k < tier.models().size(); k++) {
        String name = tier.models().get(k);
        if (platform.model(name).isEmpty()) {
          String pointer = "/spec/tiers/" + i + "/models/" + k;
          out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
              "tier `" + tier.name() + "` allows model `" + name + "`, which is not defined in spec.models",
              KnownModels.hint(name, platform)));
        }
      }
    }
    return out;
  }
}
