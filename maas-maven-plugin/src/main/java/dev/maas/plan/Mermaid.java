package dev.maas.plan;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.Catalog;
import dev.maas.check.proof.LimitMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Draws tiers, models and the limits between them as a Mermaid flowchart. */
final class Mermaid {

  private Mermaid() {}

  /**
   * The flowchart of the plan's new side; access lost, also with a tier or model removed, is drawn
   * as a dashed edge from the tier to the model (a removed node is kept and marked), so the review
   * sees what goes away.
   */
  static String diagram(PlatformPlan plan) {
    PlatformSide after = plan.after();
    List<String> lines = new ArrayList<>();
    lines.add("flowchart LR");
    if (after.catalog() == null) {
      lines.add("  empty[\"no tiers or models\"]");
      return String.join("\n", lines) + "\n";
    }
    AccessMatrix matrix = after.matrix();
    AccessMatrix old = plan.before().matrix();
    List<String> tiers = new ArrayList<>(matrix.tiers());
    List<String> models = new ArrayList<>(matrix.models());
    if (old != null) {
      old.tiers().stream().filter(t -> !tiers.contains(t)).forEach(tiers::add);
      old.models().stream().filter(m -> !models.contains(m)).forEach(models::add);
    }
    lines.add("  subgraph tiers [Tiers]");
    for (Catalog.TierEntry tier : after.catalog().tiers()) {
      lines.add(
          "    "
              + id("tier", tier.name())
              + "[\""
              + tier.name()
              + " · level "
              + tier.level()
              + "\"]");
    }
    tiers.stream()
        .filter(t -> !matrix.tiers().contains(t))
        .forEach(t -> lines.add("    " + id("tier", t) + "[\"" + t + " · removed\"]"));
    lines.add("  end");
    lines.add("  subgraph models [Models]");
    for (String model : models) {
      lines.add(
          "    "
              + id("model", model)
              + "([\""
              + model
              + (matrix.models().contains(model) ? "" : " · removed")
              + "\"])");
    }
    lines.add("  end");
    for (String tier : tiers) {
      for (String model : models) {
        AccessMatrix.Cell cell = matrix.cell(tier, model);
        AccessMatrix.Cell was = old == null ? null : old.cell(tier, model);
        if (cell != null && cell.access()) {
          lines.add(
              "  " + id("tier", tier) + " -->|\"" + label(cell) + "\"| " + id("model", model));
        } else if (was != null && was.access()) {
          lines.add("  " + id("tier", tier) + " -.->|\"access lost\"| " + id("model", model));
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String label(AccessMatrix.Cell cell) {
    List<String> parts = new ArrayList<>();
    parts.add(
        cell.requestLimits().isEmpty() ? "req unlimited" : "req " + rates(cell.requestRates()));
    parts.add(cell.tokenLimits().isEmpty() ? "tok unlimited" : "tok " + rates(cell.tokenRates()));
    return String.join(" · ", parts);
  }

  private static String rates(List<LimitMatch.RateValue> rates) {
    return rates.stream()
        .map(r -> AccessMatrix.number(r.limit()) + "/" + r.window())
        .collect(Collectors.joining(", "));
  }

  /** A node id Mermaid accepts, derived from a DNS label. */
  private static String id(String prefix, String name) {
    return prefix + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
  }
}
