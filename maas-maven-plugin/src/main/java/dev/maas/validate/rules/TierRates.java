package dev.maas.validate.rules;

import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every rate of every tier, and of every model's cap, with the JSON pointer of its window, for the
 * rules that check windows.
 */
final class TierRates {

  /** One rate and where its window is written. */
  record Located(String windowPointer, Rate rate) {}

  private TierRates() {}

  /**
   * The rates of {@code platform} in spec order: tier limits, then per-model limits, then the
   * models' caps.
   */
  static List<Located> of(Platform platform) {
    List<Located> out = new ArrayList<>();
    for (int i = 0; i < platform.tiers().size(); i++) {
      Tier tier = platform.tiers().get(i);
      String tierPointer = "/spec/tiers/" + i;
      add(out, tierPointer + "/limits/requests", tier.limits().requests());
      add(out, tierPointer + "/limits/tokens", tier.limits().tokens());
      for (Map.Entry<String, ModelLimits> e : tier.modelLimits().entrySet()) {
        String base = JsonPointers.child(tierPointer + "/modelLimits", e.getKey());
        add(out, base + "/requests", e.getValue().requests());
        add(out, base + "/tokens", e.getValue().tokens());
      }
    }
    for (int i = 0; i < platform.models().size(); i++) {
      ModelLimits cap = platform.models().get(i).cap();
      if (cap != null) {
        add(out, "/spec/models/" + i + "/limits/requests", cap.requests());
        add(out, "/spec/models/" + i + "/limits/tokens", cap.tokens());
      }
    }
    return out;
  }

  private static void add(List<Located> out, String listPointer, List<Rate> rates) {
    if (rates == null) {
      return;
    }
    for (int k = 0; k < rates.size(); k++) {
      out.add(new Located(listPointer + "/" + k + "/window", rates.get(k)));
    }
  }
}
