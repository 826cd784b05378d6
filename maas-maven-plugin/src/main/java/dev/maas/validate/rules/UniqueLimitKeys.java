package dev.maas.validate.rules;

import dev.maas.model.Limits;
import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The limit keys the policies are made of are unique: {@code <tier>-<kind>} and {@code
 * <tier>-<model>-<kind>} join names with dashes, so tier {@code a-b} and tier {@code a}'s override
 * for model {@code b} would both be {@code a-b-tokens} and one would silently replace the other.
 */
@Rule(summary = "two limits whose generated keys are equal", inputs = "/spec/tiers")
public final class UniqueLimitKeys implements SemanticRule {

  /**
   * Where a key comes from.
   *
   * @param pointer the spec node that makes it
   * @param what the words naming it
   */
  private record Origin(String pointer, String what) {}

  @Override
  public void find(Platform platform, Findings findings) {
    for (String kind : List.of("requests", "tokens")) {
      Map<String, Origin> keys = new LinkedHashMap<>();
      java.util.Set<String> tierNames = new java.util.HashSet<>();
      for (int i = 0; i < platform.tiers().size(); i++) {
        Tier tier = platform.tiers().get(i);
        // A repeated tier name is UniqueTierNames' finding; its keys would only repeat it.
        if (!tierNames.add(tier.name()) || tier.unlimited()) {
          continue;
        }
        // The same keys the renderer makes: a general limit when the tier has rates of this kind,
        // one per override.
        if (!rates(tier.limits(), kind).isEmpty()) {
          add(
              findings,
              keys,
              tier.name() + "-" + kind,
              new Origin(
                  "/spec/tiers/" + i + "/name", "tier `" + tier.name() + "`'s " + kind + " limit"));
        }
        for (Map.Entry<String, ModelLimits> override : tier.modelLimits().entrySet()) {
          List<Rate> rates = rates(override.getValue(), kind);
          if (tier.allows(override.getKey())
              && platform.model(override.getKey()).isPresent()
              && rates != null
              && !rates.isEmpty()) {
            add(
                findings,
                keys,
                tier.name() + "-" + override.getKey() + "-" + kind,
                new Origin(
                    "/spec/tiers/" + i + "/modelLimits/" + override.getKey(),
                    "tier `"
                        + tier.name()
                        + "`'s "
                        + kind
                        + " limit for model `"
                        + override.getKey()
                        + "`"));
          }
        }
      }
    }
  }

  private void add(Findings findings, Map<String, Origin> keys, String key, Origin origin) {
    Origin first = keys.putIfAbsent(key, origin);
    if (first == null) {
      return;
    }
    findings.atKey(
        origin.pointer(),
        origin.what()
            + " has the limit key `"
            + key
            + "`, which is already the key of "
            + first.what()
            + " at "
            + first.pointer()
            + " (line "
            + findings.document().locateKey(first.pointer()).line()
            + ")",
        "rename one of the tiers so that no tier name joined with a model name equals another tier's name");
  }

  private static List<Rate> rates(Limits limits, String kind) {
    return kind.equals("requests") ? limits.requests() : limits.tokens();
  }

  private static List<Rate> rates(ModelLimits limits, String kind) {
    return kind.equals("requests") ? limits.requests() : limits.tokens();
  }
}
