package dev.maas.plan;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.Catalog;
import dev.maas.check.proof.LimitMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Puts the difference between two access matrices and token-service configs into sentences. */
final class PolicyChanges {

  private PolicyChanges() {}

  /**
   * Every change from {@code before} to {@code after}, tiers first, then models, then each tier's
   * cells.
   */
  static List<PolicyChange> between(PlatformSide before, PlatformSide after) {
    List<PolicyChange> out = new ArrayList<>();
    List<Catalog.TierEntry> oldTiers =
        before.catalog() == null ? List.of() : before.catalog().tiers();
    List<Catalog.TierEntry> newTiers =
        after.catalog() == null ? List.of() : after.catalog().tiers();
    Set<String> oldTierNames = names(oldTiers);
    Set<String> newTierNames = names(newTiers);
    Set<String> oldModels =
        before.matrix() == null ? Set.of() : new LinkedHashSet<>(before.matrix().models());
    Set<String> newModels =
        after.matrix() == null ? Set.of() : new LinkedHashSet<>(after.matrix().models());

    removedAndAdded(out, "tier ", oldTierNames, newTierNames);
    removedAndAdded(out, "model ", oldModels, newModels);
    for (Catalog.TierEntry now : newTiers) {
      Catalog.TierEntry was =
          oldTiers.stream().filter(t -> t.name().equals(now.name())).findFirst().orElse(null);
      if (was == null) {
        continue;
      }
      groups(now.name(), was.groups(), now.groups(), out);
      if (was.level() != now.level()) {
        out.add(PolicyChange.of(false, now.name(), ": level " + was.level() + " → " + now.level()));
      }
      for (String model : newModels) {
        if (!oldModels.contains(model)) {
          continue;
        }
        cell(
            now.name(),
            model,
            before.matrix().cell(now.name(), model),
            after.matrix().cell(now.name(), model),
            out);
      }
    }
    return out;
  }

  private static Set<String> names(List<Catalog.TierEntry> tiers) {
    Set<String> names = new LinkedHashSet<>();
    tiers.forEach(t -> names.add(t.name()));
    return names;
  }

  private static void groups(
      String tier, List<String> was, List<String> now, List<PolicyChange> out) {
    // Groups are any printable text an identity provider chose: each one goes in as a name, never
    // as words.
    List<Object> parts = new ArrayList<>(List.of(tier, ": groups changed: "));
    new TreeSet<>(now)
        .stream()
            .filter(g -> !was.contains(g))
            .forEach(g -> parts.addAll(List.of(parts.size() > 2 ? ", +" : "+", name(g))));
    boolean lost = false;
    for (String group : new TreeSet<>(was)) {
      if (!now.contains(group)) {
        parts.addAll(List.of(parts.size() > 2 ? ", -" : "-", name(group)));
        lost = true;
      }
    }
    if (parts.size() > 2) {
      out.add(PolicyChange.of(lost, parts.toArray()));
    }
  }

  /**
   * Tier and model names are DNS labels, escaped like any words; groups are free text and shown as
   * code.
   */
  private static PolicyChange.Name name(String specText) {
    return new PolicyChange.Name(specText);
  }

  private static void cell(
      String tier,
      String model,
      AccessMatrix.Cell was,
      AccessMatrix.Cell now,
      List<PolicyChange> out) {
    if (was == null || now == null) {
      return;
    }
    if (was.access() && !now.access()) {
      out.add(PolicyChange.of(true, tier, " loses access to ", model));
      return;
    }
    if (!was.access() && now.access()) {
      out.add(PolicyChange.of(false, tier, " gains access to ", model));
      return;
    }
    if (!now.access()) {
      return;
    }
    rates(tier, model, "requests", was.requestRates(), now.requestRates(), out);
    rates(tier, model, "tokens", was.tokenRates(), now.tokenRates(), out);
    if (!was.counter().isEmpty()
        && !now.counter().isEmpty()
        && !was.counter().equals(now.counter())) {
      out.add(
          PolicyChange.of(
              now.counter().equals("shared by tier"),
              tier,
              ": counter for ",
              model,
              " " + was.counter() + " → " + now.counter()));
    }
  }

  /** Rates matched by window length; a window on one side only is a limit added or lifted. */
  private static void rates(
      String tier,
      String model,
      String kind,
      List<LimitMatch.RateValue> was,
      List<LimitMatch.RateValue> now,
      List<PolicyChange> out) {
    Map<Long, LimitMatch.RateValue> old = byWindow(was);
    Map<Long, LimitMatch.RateValue> fresh = byWindow(now);
    TreeSet<Long> windows = new TreeSet<>(old.keySet());
    windows.addAll(fresh.keySet());
    for (long window : windows) {
      LimitMatch.RateValue a = old.get(window);
      LimitMatch.RateValue b = fresh.get(window);
      if (a != null && b != null && a.limit() == b.limit()) {
        continue;
      }
      String label = (b != null ? b : a).window();
      String from = a == null ? "unlimited" : AccessMatrix.number(a.limit());
      String to = b == null ? "unlimited" : AccessMatrix.number(b.limit());
      boolean breaking = b != null && (a == null || b.limit() < a.limit());
      out.add(
          PolicyChange.of(
              breaking,
              tier,
              ": " + kind + " per " + label + " for ",
              model,
              " " + from + " → " + to));
    }
  }

  private static Map<Long, LimitMatch.RateValue> byWindow(List<LimitMatch.RateValue> rates) {
    Map<Long, LimitMatch.RateValue> out = new LinkedHashMap<>();
    for (LimitMatch.RateValue rate : rates) {
      // Two limits of one window would be an overlap the proof refuses; the tighter one is what
      // binds.
      out.merge(rate.millis(), rate, (x, y) -> x.limit() <= y.limit() ? x : y);
    }
    return out;
  }

  /**
   * A breaking change for each name of {@code before} that {@code after} lost, then a change for
   * each name {@code after} gained.
   */
  private static void removedAndAdded(
      List<PolicyChange> out, String what, Set<String> before, Set<String> after) {
    for (String name : before) {
      if (!after.contains(name)) {
        out.add(PolicyChange.of(true, what, name, " removed"));
      }
    }
    for (String name : after) {
      if (!before.contains(name)) {
        out.add(PolicyChange.of(false, what, name, " added"));
      }
    }
  }
}
