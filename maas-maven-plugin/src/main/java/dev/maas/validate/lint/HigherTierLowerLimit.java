package dev.maas.validate.lint;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A higher tier usually gets at least what the tiers below it get: a rate of a higher tier that is lower than a
 * lower tier's rate of the same kind and window, on a model both may call, is flagged. Rates counted differently
 * (per user against shared by the tier) are not comparable and are left alone.
 */
public final class HigherTierLowerLimit implements SemanticRule {

  @Override
  public String code() {
    return "lint.higherTierLowerLimit";
  }

  /** One finding before its models are gathered. */
  private record Key(String pointer, String lower, RateSites.Kind kind) {}

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    Map<Key, List<String>> models = new LinkedHashMap<>();
    Map<Key, String> texts = new LinkedHashMap<>();
    List<Tier> tiers = platform.tiers();
    for (int hi = 0; hi < tiers.size(); hi++) {
      Tier higher = tiers.get(hi);
      for (int lo = 0; lo < tiers.size(); lo++) {
        Tier lower = tiers.get(lo);
        if (lower.level() >= higher.level() || lower.limits().counterScope() != higher.limits().counterScope()) {
          continue;
        }
        for (Model model : platform.models()) {
          if (!higher.allows(model.name()) || !lower.allows(model.name())) {
            continue;
          }
          for (RateSites.Kind kind : RateSites.Kind.values()) {
            RateSites.RateList mine = RateSites.effective(higher, hi, model.name(), kind);
            RateSites.RateList theirs = RateSites.effective(lower, lo, model.name(), kind);
            for (RateSites.Site site : mine.sites()) {
              for (RateSites.Site other : theirs.sites()) {
                if (other.millis() == site.millis() && other.rate().limit() > site.rate().limit()) {
                  Key key = new Key(site.pointer(), lower.name(), kind);
                  models.computeIfAbsent(key, k -> new ArrayList<>()).add(model.name());
                  texts.putIfAbsent(key, "tier `" + higher.name() + "` (level " + higher.level() + ") allows "
                      + RateSites.number(site.rate().limit()) + " " + kind.field + " per " + site.rate().window()
                      + ", fewer than tier `" + lower.name() + "` (level " + lower.level() + ") with "
                      + RateSites.number(other.rate().limit()));
                }
              }
            }
          }
        }
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    models.forEach((key, names) -> out.add(Diagnostic.warning(code(), document.locate(key.pointer()), key.pointer(),
        texts.get(key) + ", on " + String.join(", ", names),
        "a higher tier usually gets at least the limits of the tiers below it; raise the limit or check the levels")));
    return out;
  }
}
