package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** Tier levels are unique: the level decides a user's tier when their groups match several. */
@Rule(summary = "two tiers with the same level", inputs = "/spec/tiers")
public final class UniqueTierLevels implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located.Repeat<Tier> repeat : Located.repeats(Located.tiers(platform), Tier::level)) {
      Tier tier = repeat.later().item();
      findings.at(
          repeat.later().at("level"),
          "tier `"
              + tier.name()
              + "` has level "
              + tier.level()
              + ", the same as tier `"
              + repeat.first().item().name()
              + "` (line "
              + findings.line(repeat.first().at("level"))
              + "); the level decides the tier of a user in both, so levels must be unique",
          "give `" + tier.name() + "` a level no other tier has");
    }
  }
}
