package dev.maas.render.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The recording rules of usage and cost, and the spend alerts: tokens per tier, model, user and
 * cost centre from Limitador's counters, each priced model's price per token as a constant series,
 * spend as tokens times price, and an alert when a tier or cost centre passes the warning share of
 * its monthly budget.
 */
final class CostRules {

  /** The groupings the usage and cost are recorded by. */
  static final List<String> BY = List.of("tier", "model", "user", "cost_center");

  private CostRules() {}

  /**
   * One rule for each dimension of {@link #BY}: {@code series} summed by it, named {@code name}.
   */
  private static void recordSumsBy(ArrayNode group, Function<String, String> name, String series) {
    for (String by : BY) {
      record(group, name.apply(by), "sum by (" + by + ") (" + series + ")", Map.of());
    }
  }

  /** The recording rule groups: usage always, cost when a model has a price. */
  static void addRecordingGroups(ArrayNode groups, Platform platform) {
    ArrayNode usage = group(groups, platform.name() + "-usage", null);
    record(
        usage,
        UsageMetrics.TOKENS_RATE,
        "sum by (" + UsageMetrics.FINEST + ") (rate(" + UsageMetrics.AUTHORIZED_HITS + "[5m]))",
        Map.of());
    recordSumsBy(usage, UsageMetrics::tokensRateBy, UsageMetrics.TOKENS_RATE);
    if (platform.currency() == null) {
      return;
    }
    ArrayNode cost = group(groups, platform.name() + "-cost", null);
    for (Model model : platform.models()) {
      if (model.pricing() != null) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("model", model.name());
        labels.put("currency", model.pricing().currency());
        record(
            cost,
            UsageMetrics.PRICE_PER_TOKEN,
            "vector(" + plain(model.pricing().highestPerToken()) + ")",
            labels);
      }
    }
    record(
        cost,
        UsageMetrics.COST_RATE,
        "sum by ("
            + UsageMetrics.FINEST
            + ") ("
            + UsageMetrics.TOKENS_RATE
            + " * on (model) group_left () "
            + UsageMetrics.PRICE_PER_TOKEN
            + ")",
        Map.of());
    recordSumsBy(cost, UsageMetrics::costRateBy, UsageMetrics.COST_RATE);
    // Thirty days of raw counters are read once an hour, not at every evaluation.
    ArrayNode monthly = group(groups, platform.name() + "-spend", "1h");
    for (String by : List.of("tier", "cost_center")) {
      record(
          monthly,
          UsageMetrics.cost30dBy(by),
          "sum by ("
              + by
              + ") (sum by ("
              + by
              + ", model) (increase("
              + UsageMetrics.AUTHORIZED_HITS
              + "[30d])) * on (model) group_left () "
              + UsageMetrics.PRICE_PER_TOKEN
              + ")",
          Map.of());
    }
  }

  /** The spend alerts, as one group, when a tier has a budget. */
  static void addAlertGroup(ArrayNode groups, Platform platform, int warnPercent) {
    if (platform.currency() == null
        || platform.tiers().stream().allMatch(t -> t.attribution().monthlyBudget() == null)) {
      return;
    }
    ArrayNode rules = group(groups, platform.name() + "-spend", null);
    String currency = platform.currency();
    Map<String, BigDecimal> byCostCenter = new LinkedHashMap<>();
    List<String> unbudgeted = new ArrayList<>();
    for (Tier tier : platform.tiers()) {
      BigDecimal budget = tier.attribution().monthlyBudget();
      String costCenter = tier.attribution().costCenter();
      if (budget != null) {
        alert(rules, "tier", tier.name(), budget, warnPercent, currency);
        if (costCenter != null) {
          byCostCenter.merge(costCenter, budget, BigDecimal::add);
        }
      } else if (costCenter != null) {
        unbudgeted.add(costCenter);
      }
    }
    // A cost centre's budget is the sum of its tiers' budgets, when every one of its tiers has one.
    byCostCenter.forEach(
        (costCenter, budget) -> {
          if (!unbudgeted.contains(costCenter)) {
            alert(rules, "cost_center", costCenter, budget, warnPercent, currency);
          }
        });
  }

  private static void alert(
      ArrayNode rules,
      String label,
      String value,
      BigDecimal budget,
      int warnPercent,
      String currency) {
    BigDecimal threshold = PromQl.percentOf(budget, warnPercent);
    ObjectNode alert = rules.addObject();
    alert.put("alert", "MaasSpendHigh");
    alert.put(
        "expr",
        UsageMetrics.cost30dBy(label)
            + "{"
            + label
            + "=\""
            + PromQl.label(value)
            + "\"} > "
            + plain(threshold));
    ObjectNode labels = alert.putObject("labels");
    labels.put("severity", "warning");
    labels.put(label, value);
    ObjectNode annotations = alert.putObject("annotations");
    annotations.put(
        "summary",
        (label.equals("tier") ? "Tier " : "Cost centre ")
            + value
            + " spent more than "
            + warnPercent
            + "% of its monthly budget of "
            + plain(budget)
            + " "
            + currency
            + " over the last 30 days");
  }

  private static ArrayNode group(ArrayNode groups, String name, String interval) {
    ObjectNode group = groups.addObject();
    group.put("name", name);
    if (interval != null) {
      group.put("interval", interval);
    }
    return group.putArray("rules");
  }

  private static void record(
      ArrayNode rules, String name, String expr, Map<String, String> labels) {
    ObjectNode rule = rules.addObject();
    rule.put("record", name);
    rule.put("expr", expr);
    if (!labels.isEmpty()) {
      ObjectNode node = rule.putObject("labels");
      labels.forEach(node::put);
    }
  }

  /** A decimal as PromQL writes it: no exponent, no trailing zeros. */
  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
