package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** {@code unlimited: true} and {@code limits} contradict each other; neither may silently win. */
@Rule(summary = "a tier is unlimited: true and also sets limits")
public final class UnlimitedWithoutLimits implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/tiers");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      String pointer = "/spec/tiers/" + i + "/unlimited";
      if (tier.unlimited() && document.find("/spec/tiers/" + i + "/limits") != null) {
        out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
            "tier `" + tier.name() + "` is `unlimited: true` but also sets `limits` (line "
                + document.locateKey("/spec/tiers/" + i + "/limits").line() + ")",
            "remove `limits` for a tier without limits, or remove `unlimited: true` to apply them"));
      }
    }
    return out;
  }
}
