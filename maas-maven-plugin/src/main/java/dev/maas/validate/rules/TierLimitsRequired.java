package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** A tier without {@code limits} must say {@code unlimited: true}: no limit is never an accident. */
@Rule(summary = "a tier without limits that does not say unlimited: true")
public final class TierLimitsRequired implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/tiers");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      String pointer = "/spec/tiers/" + i;
      if (!tier.unlimited() && document.find(pointer + "/limits") == null) {
        out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
            "tier `" + tier.name() + "` has no `limits`, so its users could call models without any limit",
            "add `limits` with `requests` or `tokens`, or set `unlimited: true` if the tier is meant to have none"));
      }
    }
    return out;
  }
}
