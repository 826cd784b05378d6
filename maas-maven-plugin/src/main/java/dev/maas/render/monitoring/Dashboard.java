package dev.maas.render.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.output.Yaml;
import dev.maas.render.templates.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Grafana dashboard JSON of a platform, from the template {@code
 * monitoring/dashboard.json.peb}.
 */
final class Dashboard {

  private static final ObjectMapper JSON = Yaml.JSON;

  /** The tier filter every query carries; {@code $tier} is the dashboard's tier variable. */
  private static final String TIER_FILTER = "{tier=~\"$tier\"}";

  private Dashboard() {}

  /** The dashboard JSON, pretty-printed the same way every time. */
  static String json(Platform platform) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("uid", quote(platform.name() + "-maas"));
    context.put("title", quote("MaaS " + platform.name() + ": tokens and requests"));
    context.put("platform", quote(platform.name()));
    context.put(
        "tierQuery", quote(String.join(",", platform.tiers().stream().map(Tier::name).toList())));
    List<Map<String, String>> panels = new ArrayList<>();
    panels.add(
        panel(
            "Tokens per tier",
            "sum by (tier) (rate(authorized_hits" + TIER_FILTER + "[5m]))",
            "{{tier}}",
            "short"));
    panels.add(
        panel(
            "Tokens per model",
            "sum by (model) (rate(authorized_hits" + TIER_FILTER + "[5m]))",
            "{{model}}",
            "short"));
    panels.add(
        panel(
            "Top users by tokens (1h)",
            "topk(10, sum by (user, tier) (increase(authorized_hits" + TIER_FILTER + "[1h])))",
            "{{user}} ({{tier}})",
            "short"));
    panels.add(
        panel(
            "Requests per tier",
            "sum by (tier) (rate(authorized_calls" + TIER_FILTER + "[5m]))",
            "{{tier}}",
            "reqps"));
    panels.add(
        panel(
            "Requests per model",
            "sum by (model) (rate(authorized_calls" + TIER_FILTER + "[5m]))",
            "{{model}}",
            "reqps"));
    panels.add(
        panel(
            "Rate-limited requests (429) per tier",
            "sum by (tier) (rate(limited_calls" + TIER_FILTER + "[5m]))",
            "{{tier}}",
            "reqps"));
    String currency = platform.currency();
    if (currency != null) {
      // Spend from the cost recording rules: per second times 3600 is per hour.
      String cost = UsageMetrics.COST_RATE + TIER_FILTER;
      panels.add(
          panel(
              "Spend per tier (" + currency + " per hour)",
              "sum by (tier) (" + cost + ") * 3600",
              "{{tier}}",
              "short"));
      panels.add(
          panel(
              "Spend per model (" + currency + " per hour)",
              "sum by (model) (" + cost + ") * 3600",
              "{{model}}",
              "short"));
      panels.add(
          panel(
              "Spend per cost centre (" + currency + " per hour)",
              "sum by (cost_center) (" + cost + ") * 3600",
              "{{cost_center}}",
              "short"));
      panels.add(
          panel(
              "Top users by spend (" + currency + " per hour)",
              "topk(10, sum by (user, tier) (" + cost + ") * 3600)",
              "{{user}} ({{tier}})",
              "short"));
      panels.add(
          panel(
              "Spend over 30 days per tier (" + currency + ")",
              UsageMetrics.cost30dBy("tier") + TIER_FILTER,
              "{{tier}}",
              "short"));
    }
    context.put("panels", panels);
    String text = Templates.render("monitoring/dashboard.json.peb", context);
    try {
      JsonNode tree = JSON.readTree(text);
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      return JSON.writer(printer).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the dashboard template does not give JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, String> panel(String title, String expr, String legend, String unit) {
    Map<String, String> panel = new LinkedHashMap<>();
    panel.put("title", quote(title));
    panel.put("expr", quote(expr));
    panel.put("legend", quote(legend));
    panel.put("unit", quote(unit));
    return panel;
  }

  /** {@code text} as a JSON string literal, quoted and escaped. */
  private static String quote(String text) {
    return TextNode.valueOf(text).toString();
  }
}
