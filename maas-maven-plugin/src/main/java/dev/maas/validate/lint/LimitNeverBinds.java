package dev.maas.validate.lint;

import dev.maas.diag.Severity;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.List;

/**
 * A rate that another rate of the same list always stops first can never bind. Limitador counts in
 * fixed windows that start at the first hit, so windows of two rates need not line up; the
 * definition is sound for that:
 *
 * <ul>
 *   <li>the longer rate ({@code L} per {@code W}) never binds when {@code L >= S × (ceil(W / w) +
 *       1)} for a shorter rate {@code S} per {@code w}: a window of {@code W} meets at most {@code
 *       ceil(W / w) + 1} windows of {@code w}, each admitting at most {@code S};
 *   <li>the shorter rate never binds when {@code S >= 2 × L}: a window of {@code w <= W} meets at
 *       most two windows of {@code W}, each admitting at most {@code L};
 *   <li>of two rates with one window, the larger never binds.
 * </ul>
 *
 * A rate of 0 denies on purpose, which makes the others moot by design; such pairs are left alone.
 */
@Rule(
    summary = "a rate that another rate of the same list always stops first",
    severity = Severity.WARNING)
public final class LimitNeverBinds implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      for (RateSites.Kind kind : RateSites.Kind.values()) {
        for (RateSites.RateList list : RateSites.written(tier, i, kind)) {
          check(tier, kind, list, findings);
        }
      }
    }
  }

  private void check(Tier tier, RateSites.Kind kind, RateSites.RateList list, Findings findings) {
    List<RateSites.Site> sites = list.sites();
    for (int a = 0; a < sites.size(); a++) {
      for (int b = 0; b < sites.size(); b++) {
        RateSites.Site shorter = sites.get(a);
        RateSites.Site longer = sites.get(b);
        long s = shorter.rate().limit();
        long l = longer.rate().limit();
        if (a == b || s == 0 || l == 0 || shorter.millis() > longer.millis()) {
          continue;
        }
        if (shorter.millis() == longer.millis()) {
          if (a < b && s != l) {
            RateSites.Site larger = s > l ? shorter : longer;
            RateSites.Site smaller = s > l ? longer : shorter;
            warning(
                findings,
                tier,
                kind,
                larger,
                "the "
                    + smaller.rate().window()
                    + " limit of "
                    + RateSites.number(smaller.rate().limit())
                    + " in the same list always stops callers first");
          }
          continue;
        }
        long windows = (longer.millis() + shorter.millis() - 1) / shorter.millis() + 1;
        long reachable = multiply(s, windows);
        if (l >= reachable) {
          warning(
              findings,
              tier,
              kind,
              longer,
              "the limit of "
                  + RateSites.number(s)
                  + " per "
                  + shorter.rate().window()
                  + " lets at most "
                  + RateSites.number(reachable)
                  + " through in any "
                  + longer.rate().window());
        } else if (s >= multiply(l, 2)) {
          warning(
              findings,
              tier,
              kind,
              shorter,
              "the limit of "
                  + RateSites.number(l)
                  + " per "
                  + longer.rate().window()
                  + " lets at most "
                  + RateSites.number(multiply(l, 2))
                  + " through in any "
                  + shorter.rate().window());
        }
      }
    }
  }

  private static void warning(
      Findings findings, Tier tier, RateSites.Kind kind, RateSites.Site site, String why) {
    findings.at(
        site.pointer(),
        "tier `"
            + tier.name()
            + "`: the limit of "
            + RateSites.number(site.rate().limit())
            + " "
            + kind.field
            + " per "
            + site.rate().window()
            + " can never bind: "
            + why,
        "lower it so that it can stop callers, or remove it");
  }

  private static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }
}
