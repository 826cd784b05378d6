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

  /** The flowchart of the plan's new side; lost access is drawn dashed. */
  static String diagram(PlatformPlan plan) {
    PlatformSide after = plan.after();
    List<String> lines = new ArrayList<>();
    lines.add("flowchart LR");
    if (after.catalog() == null) {
      lines.add("  empty[\"no tiers or models\"]");
      return String.join("\n", lines) + "\n";
    }
    lines.add("  subgraph tiers [Tiers]");
    for (Catalog.TierEntry tier : after.catalog().tiers()) {
      lines.add("    " + id("tier", tier.name()) + "[\"" + tier.name() + " · level " + tier.level() + "\"]");
    }
    lines.add("  end");
    lines.add("  subgraph models [Models]");
    for (String model : after.matrix().models()) {
      lines.add("    " + id("model", model) + "([\"" + model + "\"])");
    }
    lines.add("  end");
    AccessMatrix matrix = after.matrix();
    AccessMatrix old = plan.before().matrix();
    for (String tier : matrix.tiers()) {
      for (String model : matrix.models()) {
        AccessMatrix.Cell cell = matrix.cell(tier, model);
        AccessMatrix.Cell was = old == null ? null : old.cell(tier, model);
        if (cell.access()) {
          lines.add("  " + id("tier", tier) + " -->|\"" + label(cell) + "\"| " + id("model", model));
        } else if (was != null && was.access()) {
          lines.add("  " + id("tier", tier) + " -.->|\"access lost\"| " + id("model", model));
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String label(AccessMatrix.Cell cell) {
    List<String> parts = new ArrayList<>();
    parts.add(cell.requestLimits().isEmpty() ? "req unlimited" : "req " + rates(cell.requestRates()));
    parts.add(cell.tokenLimits().isEmpty() ? "tok unlimited" : "tok " + rates(cell.tokenRates()));
    return String.join(" · ", parts);
  }

  private static String rates(List<LimitMatch.RateValue> rates) {
    return rates.stream().map(r -> AccessMatrix.number(r.limit()) + "/" + r.window()).collect(Collectors.joining(", "));
  }

  /** A node id Mermaid accepts, derived from a DNS label. */
  private static String id(String prefix, String name) {
    return prefix + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
  }
}
