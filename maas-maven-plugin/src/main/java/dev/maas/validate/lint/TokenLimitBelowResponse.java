package dev.maas.validate.lint;

import dev.maas.diag.Severity;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * A token limit below one typical response ({@value #TYPICAL_RESPONSE} tokens) per window lets a
 * caller get about one answer per window, which is rarely meant. A limit of 0 denies on purpose and
 * is left alone.
 */
@Rule(summary = "a token rate below one typical response per window", severity = Severity.WARNING)
public final class TokenLimitBelowResponse implements SemanticRule {

  /** The tokens of one typical chat response. */
  static final long TYPICAL_RESPONSE = 256;

  @Override
  public void find(Platform platform, Findings findings) {
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      for (RateSites.RateList list : RateSites.written(tier, i, RateSites.Kind.TOKENS)) {
        for (RateSites.Site site : list.sites()) {
          long limit = site.rate().limit();
          if (limit > 0 && limit < TYPICAL_RESPONSE) {
            findings.at(
                site.pointer(),
                "tier `"
                    + tier.name()
                    + "` allows "
                    + RateSites.number(limit)
                    + " tokens per "
                    + site.rate().window()
                    + ", less than one typical response ("
                    + TYPICAL_RESPONSE
                    + " tokens): a caller gets about one"
                    + " answer per window",
                "raise the limit to at least "
                    + TYPICAL_RESPONSE
                    + ", or set 0 to deny on purpose");
          }
        }
      }
    }
  }
}
