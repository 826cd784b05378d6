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

/**
 * Which Limitador counters a change restarts from zero. Kuadrant names a limit's counters by its
 * policy and key (kuadrant-operator v1.5.2 {@code LimitNameToLimitadorIdentifier} hashes {@code
 * <policy namespace/name>/<key>}), counts them in the route's namespace, and Limitador keys each by
 * window and counter variables: a counter survives a change of its limit's value, but not a renamed
 * tier or model (the key changes), another window, route or counter expression. Counters of callers
 * who keep calling the same model after the change are the ones that matter.
 */
final class QuotaContinuity {

  /**
   * A counter that starts again from zero.
   *
   * @param tier the tier whose callers count in it (after the change)
   * @param was the tier's name before, when it was renamed, else the same
   * @param counter the counter left behind: the limit's key before the change, and its window
   * @param models the models whose calls it counted
   * @param who whose counter it is: {@code each user}, {@code the whole tier}, {@code every caller}
   */
  record Reset(String tier, String was, String counter, List<String> models, String who) {

    /** The reset in words. */
    String text() {
      return "counter "
          + counter
          + " ("
          + String.join(", ", models)
          + ") is left behind: "
          + who
          + " of tier "
          + tier
          + (was.equals(tier) ? "" : " (renamed from " + was + ")")
          + " starts again from zero on sync";
    }
  }

  private QuotaContinuity() {}

  /**
   * The counters of {@code before} that {@code after} no longer has, for callers that keep their
   * access.
   */
  static List<Reset> between(PlatformSide before, PlatformSide after) {
    List<Reset> out = new ArrayList<>();
    if (before.matrix() == null || after.matrix() == null) {
      return out;
    }
    Map<String, String> renamed = renamedTiers(before.catalog(), after.catalog());
    for (String tier : after.matrix().tiers()) {
      String was = renamed.getOrDefault(tier, tier);
      if (!before.matrix().tiers().contains(was)) {
        continue; // a new tier: its counters start at zero, as every new tier's do
      }
      Set<String> kept = counters(after.matrix(), tier).keySet();
      Map<String, Counted> old = counters(before.matrix(), was);
      old.forEach(
          (id, counted) -> {
            List<String> stillCalled =
                counted.models().stream().filter(m -> hasAccess(after.matrix(), tier, m)).toList();
            if (!kept.contains(id) && !stillCalled.isEmpty()) {
              out.add(new Reset(tier, was, counted.text(), stillCalled, counted.who()));
            }
          });
    }
    return out;
  }

  /** A counter with what it counted. */
  private record Counted(String text, List<String> models, String who) {}

  /** A tier's counters, by identity: policy, key, route, window and counter expressions. */
  private static Map<String, Counted> counters(AccessMatrix matrix, String tier) {
    Map<String, Counted> out = new LinkedHashMap<>();
    for (String model : matrix.models()) {
      AccessMatrix.Cell cell = matrix.cell(tier, model);
      if (cell == null || !cell.access()) {
        continue;
      }
      List<LimitMatch> limits = new ArrayList<>(cell.requestLimits());
      limits.addAll(cell.tokenLimits());
      for (LimitMatch limit : limits) {
        for (LimitMatch.RateValue rate : limit.rates()) {
          String id = limit.counterIdentity() + " " + rate.millis() + " " + limit.counters();
          String who =
              limit.global() ? "every caller" : limit.perUser() ? "each user" : "the whole tier";
          Counted counted =
              out.computeIfAbsent(
                  id,
                  k ->
                      new Counted(
                          "`" + limit.key() + "` per " + rate.window(), new ArrayList<>(), who));
          counted.models().add(model);
        }
      }
    }
    return out;
  }

  private static boolean hasAccess(AccessMatrix matrix, String tier, String model) {
    AccessMatrix.Cell cell = matrix.cell(tier, model);
    return cell != null && cell.access();
  }

  /** New tier name → old, for a tier that left and one that came with the same groups and level. */
  private static Map<String, String> renamedTiers(Catalog before, Catalog after) {
    Map<String, String> out = new LinkedHashMap<>();
    if (before == null || after == null) {
      return out;
    }
    Set<String> oldNames = new LinkedHashSet<>();
    before.tiers().forEach(t -> oldNames.add(t.name()));
    for (Catalog.TierEntry now : after.tiers()) {
      if (oldNames.contains(now.name())) {
        continue;
      }
      before.tiers().stream()
          .filter(
              was ->
                  after.tier(was.name()).isEmpty()
                      && was.level() == now.level()
                      && Set.copyOf(was.groups()).equals(Set.copyOf(now.groups())))
          .findFirst()
          .ifPresent(was -> out.put(now.name(), was.name()));
    }
    return out;
  }
}
