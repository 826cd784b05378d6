package dev.maas.validate.lint;

import dev.maas.model.ModelLimits;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the spec writes each rate, so that lint findings point at the rate itself. */
final class RateSites {

  /** A kind of limit. */
  enum Kind {
    REQUESTS("requests"),
    TOKENS("tokens");

    final String field;

    Kind(String field) {
      this.field = field;
    }
  }

  /** One rate and the pointer of its list item. */
  record Site(String pointer, Rate rate) {

    long millis() {
      return rate.parsedWindow().millis();
    }
  }

  /** One list of rates as written, all of which apply together. */
  record RateList(String pointer, List<Site> sites) {}

  private RateSites() {}

  /** The list of {@code kind} that applies to {@code model} for the tier at {@code index}. */
  static RateList effective(Tier tier, int index, String model, Kind kind) {
    String tierPointer = "/spec/tiers/" + index;
    if (override(tier, model, kind) != null) {
      return list(
          JsonPointers.child(tierPointer + "/modelLimits", model) + "/" + kind.field,
          rates(tier, model, kind));
    }
    return list(tierPointer + "/limits/" + kind.field, tierRates(tier, kind));
  }

  /**
   * The rates of {@code kind} that apply to {@code model} for {@code tier}, without their pointers.
   */
  static List<Rate> rates(Tier tier, String model, Kind kind) {
    List<Rate> own = override(tier, model, kind);
    return own != null ? own : tierRates(tier, kind);
  }

  /** The rates of {@code kind} the tier sets for every model without limits of its own. */
  static List<Rate> tierRates(Tier tier, Kind kind) {
    return kind == Kind.REQUESTS ? tier.limits().requests() : tier.limits().tokens();
  }

  private static List<Rate> override(Tier tier, String model, Kind kind) {
    ModelLimits override = tier.modelLimits().get(model);
    return override == null
        ? null
        : kind == Kind.REQUESTS ? override.requests() : override.tokens();
  }

  /** Every list of rates the tier at {@code index} writes: its limits, then each model's. */
  static List<RateList> written(Tier tier, int index, Kind kind) {
    List<RateList> out = new ArrayList<>();
    String tierPointer = "/spec/tiers/" + index;
    out.add(list(tierPointer + "/limits/" + kind.field, tierRates(tier, kind)));
    for (Map.Entry<String, ModelLimits> e : tier.modelLimits().entrySet()) {
      List<Rate> rates = kind == Kind.REQUESTS ? e.getValue().requests() : e.getValue().tokens();
      if (rates != null) {
        out.add(
            list(
                JsonPointers.child(tierPointer + "/modelLimits", e.getKey()) + "/" + kind.field,
                rates));
      }
    }
    return out;
  }

  private static RateList list(String pointer, List<Rate> rates) {
    List<Site> sites = new ArrayList<>();
    for (int k = 0; k < rates.size(); k++) {
      sites.add(new Site(pointer + "/" + k, rates.get(k)));
    }
    return new RateList(pointer, sites);
  }

  /** {@code 20,000}: numbers as people read them. */
  static String number(long value) {
    return String.format(java.util.Locale.US, "%,d", value);
  }
}
