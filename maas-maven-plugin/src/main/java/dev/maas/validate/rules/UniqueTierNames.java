package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** Tier names are unique: they key policies, metrics and tokens. */
@Rule(summary = "two tiers with the same name", inputs = "/spec/tiers")
public final class UniqueTierNames implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located.Repeat<Tier> repeat : Located.repeats(Located.tiers(platform), Tier::name)) {
      findings.at(
          repeat.later().at("name"),
          "tier `" + repeat.later().item().name() + "` " + repeat.alreadyDefined(findings, "name"),
          "give every tier its own name");
    }
  }
}
