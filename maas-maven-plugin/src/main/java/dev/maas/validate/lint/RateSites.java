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
    ModelLimits override = tier.modelLimits().get(model);
    List<Rate> own = override == null ? null : kind == Kind.REQUESTS ? override.requests() : override.tokens();
    String tierPointer = "/spec/tiers/" + index;
    if (own != null) {
      return list(JsonPointers.child(tierPointer + "/modelLimits", model) + "/" + kind.field, own);
    }
    return list(tierPointer + "/limits/" + kind.field,
        kind == Kind.REQUESTS ? tier.limits().requests() : tier.limits().tokens());
  }

  /** Every list of rates the tier at {@code index} writes: its limits, then each model's. */
  static List<RateList> written(Tier tier, int index, Kind kind) {
    List<RateList> out = new ArrayList<>();
    String tierPointer = "/spec/tiers/" + index;
    out.add(list(tierPointer + "/limits/" + kind.field,
        kind == Kind.REQUESTS ? tier.limits().requests() : tier.limits().tokens()));
    for (Map.Entry<String, ModelLimits> e : tier.modelLimits().entrySet()) {
      List<Rate> rates = kind == Kind.REQUESTS ? e.getValue().requests() : e.getValue().tokens();
      if (rates != null) {
        out.add(list(JsonPointers.child(tierPointer + "/modelLimits", e.getKey()) + "/" + kind.field, rates));
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
