package dev.maas.validate.lint;

import dev.maas.diag.Severity;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A higher tier usually gets at least what the tiers below it get: a rate of a higher tier that is
 * lower than a lower tier's rate of the same kind and window, on a model both may call, is flagged.
 * Rates counted differently (per user against shared by the tier) are not comparable and are left
 * alone.
 */
@Rule(
    summary = "a higher tier gets a lower rate than a lower tier on a model both may call",
    severity = Severity.WARNING)
public final class HigherTierLowerLimit implements SemanticRule {

  /** One finding before its models are gathered. */
  private record Key(String pointer, String lower, RateSites.Kind kind) {}

  @Override
  public void find(Platform platform, Findings findings) {
    Map<Key, List<String>> models = new LinkedHashMap<>();
    Map<Key, String> texts = new LinkedHashMap<>();
    List<Tier> tiers = platform.tiers();
    Map<String, Integer> modelIndex = new HashMap<>();
    for (int m = 0; m < platform.models().size(); m++) {
      modelIndex.putIfAbsent(platform.models().get(m).name(), m);
    }
    for (int hi = 0; hi < tiers.size(); hi++) {
      Tier higher = tiers.get(hi);
      for (int lo = 0; lo < tiers.size(); lo++) {
        Tier lower = tiers.get(lo);
        if (lower.level() >= higher.level()
            || lower.limits().counterScope() != higher.limits().counterScope()) {
          continue;
        }
        for (Model model : modelsToCompare(platform, modelIndex, higher, lower)) {
          if (!higher.allows(model.name()) || !lower.allows(model.name())) {
            continue;
          }
          for (RateSites.Kind kind : RateSites.Kind.values()) {
            // Rates are compared without their pointers: tiers × tiers × models comparisons, few
            // findings.
            List<Rate> mine = RateSites.rates(higher, model.name(), kind);
            List<Rate> theirs = RateSites.rates(lower, model.name(), kind);
            for (int s = 0; s < mine.size(); s++) {
              Rate rate = mine.get(s);
              for (Rate other : theirs) {
                if (lowerThan(List.of(rate), List.of(other))) {
                  String pointer =
                      RateSites.effective(higher, hi, model.name(), kind).sites().get(s).pointer();
                  Key key = new Key(pointer, lower.name(), kind);
                  models.computeIfAbsent(key, k -> new ArrayList<>()).add(model.name());
                  texts.putIfAbsent(
                      key,
                      "tier `"
                          + higher.name()
                          + "` (level "
                          + higher.level()
                          + ") allows "
                          + RateSites.number(rate.limit())
                          + " "
                          + kind.field
                          + " per "
                          + rate.window()
                          + ", fewer than tier `"
                          + lower.name()
                          + "` (level "
                          + lower.level()
                          + ") with "
                          + RateSites.number(other.limit()));
                }
              }
            }
          }
        }
      }
    }
    models.forEach(
        (key, names) ->
            findings.at(
                key.pointer(),
                texts.get(key) + ", on " + String.join(", ", names),
                "a higher tier usually gets at least the limits of the tiers below it; raise the limit or check the levels"));
  }

  /**
   * The models on which two tiers may disagree, in spec order: every model when their own limits
   * already do, else only the models either of them gives limits of their own. The pair of tiers is
   * compared for each model, so a thousand models and twenty tiers would be 400,000 comparisons of
   * the same two lists.
   */
  private static List<Model> modelsToCompare(
      Platform platform, Map<String, Integer> modelIndex, Tier higher, Tier lower) {
    for (RateSites.Kind kind : RateSites.Kind.values()) {
      if (lowerThan(RateSites.tierRates(higher, kind), RateSites.tierRates(lower, kind))) {
        return platform.models();
      }
    }
    Set<Integer> overridden = new TreeSet<>();
    for (String name : higher.modelLimits().keySet()) {
      Integer index = modelIndex.get(name);
      if (index != null) {
        overridden.add(index);
      }
    }
    for (String name : lower.modelLimits().keySet()) {
      Integer index = modelIndex.get(name);
      if (index != null) {
        overridden.add(index);
      }
    }
    return overridden.stream().map(platform.models()::get).toList();
  }

  /** Whether a rate of {@code mine} is lower than a rate of {@code theirs} over the same window. */
  private static boolean lowerThan(List<Rate> mine, List<Rate> theirs) {
    for (Rate rate : mine) {
      for (Rate other : theirs) {
        if (other.parsedWindow().millis() == rate.parsedWindow().millis()
            && other.limit() > rate.limit()) {
          return true;
        }
      }
    }
    return false;
  }
}
