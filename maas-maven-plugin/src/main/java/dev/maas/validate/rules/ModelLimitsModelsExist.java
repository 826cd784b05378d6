package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.SpecDocument;
import dev.maas.spec.YamlNode;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** Every key of a tier's {@code modelLimits} names a model of the platform. */
@Rule(summary = "a tier's modelLimits names a model the spec does not define")
public final class ModelLimitsModelsExist implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/tiers", "/spec/models");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      for (String name : keysInSpecOrder(document, i, tier)) {
        if (platform.model(name).isEmpty()) {
          String pointer = JsonPointers.child("/spec/tiers/" + i + "/modelLimits", name);
          out.add(Diagnostic.error(code(), document.locateKey(pointer), pointer,
              "tier `" + tier.name() + "` sets limits for model `" + name + "`, which is not defined in spec.models",
              KnownModels.hint(name, platform)));
        }
      }
    }
    return out;
  }

  /** The tier's modelLimits keys as written, so findings come in file order. */
  static List<String> keysInSpecOrder(SpecDocument document, int tierIndex, Tier tier) {
    if (document.find("/spec/tiers/" + tierIndex + "/modelLimits") instanceof YamlNode.Mapping m) {
      return List.copyOf(m.entries().keySet());
    }
    return List.copyOf(tier.modelLimits().keySet());
  }
}
