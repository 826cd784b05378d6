package dev.maas.validate.lint;

import dev.maas.diag.Severity;
import dev.maas.model.Platform;
import dev.maas.model.TokenService;
import dev.maas.model.Window;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * A token lifetime longer than a year: a leaked token keeps working that long, and every revocation
 * must be kept that long too, since a revoked token is refused only while its revocation is
 * remembered.
 */
@Rule(summary = "a token lifetime above a year", severity = Severity.WARNING)
public final class LongTokenLifetimes implements SemanticRule {

  /** One year of 365 days; longer lifetimes are flagged. */
  static final long YEAR_MILLIS = 365L * 24 * 3_600_000L;

  @Override
  public void find(Platform platform, Findings findings) {
    TokenService tokens = platform.tokens();
    // maxTTL bounds every token; defaultTTL is at most maxTTL (an error otherwise), so one warning
    // covers both.
    if (tokens == null
        || !Window.isValid(tokens.maxTTL())
        || Window.parse(tokens.maxTTL()).millis() <= YEAR_MILLIS) {
      return;
    }
    long days = Window.parse(tokens.maxTTL()).millis() / (24 * 3_600_000L);
    String pointer = "/spec/tokens/maxTTL";
    findings.at(
        pointer,
        "maxTTL `"
            + tokens.maxTTL()
            + "` lets a token live "
            + about(days)
            + ": a leaked token stays valid that"
            + " long, and the token service must keep every revocation that long to go on refusing it",
        "keep tokens to a year at most (`8760h`); hours or days (`720h`) are usual, and callers ask for a new"
            + " token when theirs expires");
  }

  private static String about(long days) {
    return days >= 730 ? "about " + Math.round(days / 365.0) + " years" : days + " days";
  }
}
