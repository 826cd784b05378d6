package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tier levels are unique: the level decides a user's tier when their groups match several. */
@Rule(summary = "two tiers with the same level")
public final class UniqueTierLevels implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/tiers");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    Map<Integer, Integer> seen = new HashMap<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      Integer first = seen.putIfAbsent(tier.level(), i);
      if (first != null) {
        Tier other = platform.tiers().get(first);
        String pointer = "/spec/tiers/" + i + "/level";
        out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
            "tier `" + tier.name() + "` has level " + tier.level() + ", the same as tier `" + other.name() + "` (line "
                + document.locate("/spec/tiers/" + first + "/level").line()
                + "); the level decides the tier of a user in both, so levels must be unique",
            "give `" + tier.name() + "` a level no other tier has"));
      }
    }
    return out;
  }
}
