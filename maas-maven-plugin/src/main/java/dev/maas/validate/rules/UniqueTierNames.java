package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tier names are unique: they key policies, metrics and tokens. */
@Rule(summary = "two tiers with the same name")
public final class UniqueTierNames implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/tiers");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      String name = platform.tiers().get(i).name();
      Integer first = seen.putIfAbsent(name, i);
      if (first != null) {
        String pointer = "/spec/tiers/" + i + "/name";
        out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
            "tier `" + name + "` is already defined at /spec/tiers/" + first + " (line "
                + document.locate("/spec/tiers/" + first + "/name").line() + ")",
            "give every tier its own name"));
      }
    }
    return out;
  }
}
