package dev.maas.render.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.CounterScope;
import dev.maas.model.Model;
import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cost centres' token quota alerts: a cost centre's quota over a window is the sum of the token
 * limits its tiers share over that window, and the alert fires when the tokens its callers used in
 * the window pass the warning share of it.
 *
 * <p>A quota adds up only where every counter is shared by the whole tier ({@code counter: tier}):
 * a per-user limit bounds each user, not the tier, so a cost centre with such a tier, an unlimited
 * one, or one without a limit over the window has no quota over it and gets no alert for it. A
 * tier's per-model token limits are counters of their own beside the tier's, so they add to its
 * share, as the tier alerts count them apart.
 */
final class CostCenterQuota {

  private CostCenterQuota() {}

  /** The alert group of the cost centres' quotas, when one cost centre has a quota. */
  static void addAlertGroup(ArrayNode groups, Platform platform, int warnPercent) {
    Map<String, List<Tier>> byCostCenter = new TreeMap<>();
    for (Tier tier : platform.tiers()) {
      if (tier.attribution().costCenter() != null) {
        byCostCenter
            .computeIfAbsent(tier.attribution().costCenter(), c -> new ArrayList<>())
            .add(tier);
      }
    }
    ArrayNode rules = null;
    for (Map.Entry<String, List<Tier>> costCenter : byCostCenter.entrySet()) {
      for (Map.Entry<String, Long> quota : quotas(costCenter.getValue(), platform).entrySet()) {
        if (rules == null) {
          ObjectNode group = groups.addObject();
          group.put("name", platform.name() + "-cost-centers");
          rules = group.putArray("rules");
        }
        alert(rules, costCenter.getKey(), quota.getKey(), quota.getValue(), warnPercent);
      }
    }
  }

  /**
   * The quota of the cost centre of {@code tiers} per window (in Kuadrant's spelling, in the order
   * the first tier lists them): only the windows over which every counter of every tier is shared
   * and limited.
   */
  static Map<String, Long> quotas(List<Tier> tiers, Platform platform) {
    Map<Long, String> spelling = new LinkedHashMap<>();
    Map<Long, Long> sums = null;
    for (Tier tier : tiers) {
      if (tier.unlimited() || tier.limits().counterScope() != CounterScope.TIER) {
        return Map.of();
      }
      List<List<Rate>> counters = new ArrayList<>();
      boolean tierCounterCounts = false;
      for (Model model : platform.models()) {
        ModelLimits limits = tier.modelLimits().get(model.name());
        if (limits != null && limits.tokens() != null && tier.allows(model.name())) {
          counters.add(limits.tokens());
        } else if (tier.allows(model.name())) {
          tierCounterCounts = true;
        }
      }
      // The tier's own counter counts the models without limits of their own, if it has any.
      if (tierCounterCounts) {
        counters.add(tier.limits().tokens());
      }
      if (counters.isEmpty()) {
        return Map.of();
      }
      Map<Long, Long> tierSums = null;
      for (List<Rate> counter : counters) {
        Map<Long, Long> byWindow = new LinkedHashMap<>();
        for (Rate rate : counter) {
          long millis = rate.parsedWindow().millis();
          spelling.putIfAbsent(millis, rate.parsedWindow().toKuadrant());
          byWindow.merge(millis, rate.limit(), Math::min);
        }
        tierSums = tierSums == null ? byWindow : added(tierSums, byWindow);
      }
      sums = sums == null ? tierSums : added(sums, tierSums);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    if (sums != null) {
      // A quota of 0 denies: there is no use to warn about.
      sums.forEach(
          (millis, sum) -> {
            if (sum > 0) {
              out.put(spelling.get(millis), sum);
            }
          });
    }
    return out;
  }

  /** The windows both limit, each with the two limits added. */
  private static Map<Long, Long> added(Map<Long, Long> a, Map<Long, Long> b) {
    Map<Long, Long> out = new LinkedHashMap<>();
    a.forEach(
        (window, limit) -> {
          if (b.containsKey(window)) {
            out.put(window, Math.addExact(limit, b.get(window)));
          }
        });
    return out;
  }

  private static void alert(
      ArrayNode rules, String costCenter, String window, long quota, int warnPercent) {
    BigDecimal threshold =
        BigDecimal.valueOf(quota)
            .multiply(BigDecimal.valueOf(warnPercent))
            .divide(BigDecimal.valueOf(100));
    ObjectNode alert = rules.addObject();
    alert.put("alert", "MaasCostCenterTokenUsageHigh");
    alert.put(
        "expr",
        "sum(increase("
            + UsageMetrics.AUTHORIZED_HITS
            + "{cost_center=\""
            + PromQl.label(costCenter)
            + "\"}["
            + window
            + "])) > "
            + CostRules.plain(threshold));
    alert.put("for", "1m");
    ObjectNode labels = alert.putObject("labels");
    labels.put("severity", "warning");
    labels.put("cost_center", costCenter);
    labels.put("window", window);
    alert
        .putObject("annotations")
        .put(
            "summary",
            "Cost centre "
                + costCenter
                + " used more than "
                + warnPercent
                + "% of its "
                + quota
                + " tokens per "
                + window
                + ", the sum of its tiers' shared limits");
  }
}
