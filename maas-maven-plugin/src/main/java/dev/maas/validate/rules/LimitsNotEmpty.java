package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@code limits} block (of a tier or of one model) limits something: requests, tokens or both. */
@Rule(summary = "a limits block that limits neither requests nor tokens")
public final class LimitsNotEmpty implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/tiers");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      String limitsPointer = "/spec/tiers/" + i + "/limits";
      // With `unlimited: true` a limits block is already an error of its own.
      if (!tier.unlimited() && document.find(limitsPointer) != null
          && tier.limits().requests().isEmpty() && tier.limits().tokens().isEmpty()) {
        out.add(Diagnostic.error(code(), document.locate(limitsPointer), limitsPointer,
            "the limits of tier `" + tier.name() + "` set neither `requests` nor `tokens`, so nothing is limited",
            "add `requests` or `tokens`, or replace `limits` with `unlimited: true`"));
      }
      for (Map.Entry<String, ModelLimits> e : tier.modelLimits().entrySet()) {
        if (e.getValue().requests() == null && e.getValue().tokens() == null) {
          String pointer = JsonPointers.child("/spec/tiers/" + i + "/modelLimits", e.getKey());
          out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
              "the limits of tier `" + tier.name() + "` for model `" + e.getKey()
                  + "` set neither `requests` nor `tokens`, so they change nothing",
              "add `requests` or `tokens`, or remove the entry"));
        }
      }
    }
    return out;
  }
}
