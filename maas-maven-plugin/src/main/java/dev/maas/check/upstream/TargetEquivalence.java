package dev.maas.check.upstream;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.LimitMatch;
import dev.maas.check.proof.PolicyProof;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.model.Platform;
import dev.maas.model.Target;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Shows that the {@code kuadrant} and the {@code maas-crds} output of one spec grant the same: for
 * every tier × model, a member of the tier gets the same access, the same token rates (by length of
 * window, {@code 1h} = {@code 60m}), no request limit on either, one counter per user on both, and
 * the same models sharing a token budget (none upstream: its controller counts each subscription
 * and model apart). A difference is a finding that shows both sides.
 */
public final class TargetEquivalence {

  /**
   * The tier a member of {@code tier} gets on the kuadrant target: the highest level holding one of
   * their groups.
   */
  static String kuadrantTier(Platform platform, Tier tier) {
    List<String> groups = UpstreamProof.memberGroups(tier);
    return platform.tiersByLevelDescending().stream()
        .filter(t -> t.groups().stream().anyMatch(groups::contains))
        .map(Tier::name)
        .findFirst()
        .orElse(tier.name());
  }

  /**
   * The differences between the two outputs of one spec: {@code crds} (its {@code maas-crds}
   * output, proven by {@link UpstreamProof}) and {@code kuadrant} (its {@code kuadrant} output,
   * proven by the policy proof).
   */
  public List<Diagnostic> prove(Platform platform, GeneratedTree crds, GeneratedTree kuadrant) {
    AccessMatrix k =
        new PolicyProof().prove(platform.withTarget(Target.KUADRANT), kuadrant).matrix();
    AccessMatrix u = new UpstreamProof().prove(platform, crds).matrix();
    return compare(platform, k, u, crds);
  }

  /**
   * The differences between {@code kuadrant}, the matrix the policy proof built from the kuadrant
   * output, and {@code upstream}, the matrix {@link UpstreamProof} built from {@code crds}, the
   * maas-crds output of the same spec. A finding points at the MaaSSubscription the tier's members
   * are bound to.
   */
  public List<Diagnostic> compare(
      Platform platform, AccessMatrix kuadrant, AccessMatrix upstream, GeneratedTree crds) {
    List<Diagnostic> out = new ArrayList<>();
    UpstreamResources resources = UpstreamResources.of(crds);
    for (Tier tier : platform.tiers()) {
      String bound = kuadrantTier(platform, tier);
      String file =
          UpstreamProof.bind(resources, UpstreamProof.memberGroups(tier))
              .map(UpstreamResources.Subscription::file)
              .orElse("");
      Map<String, Set<String>> leftShares = budgetsShared(kuadrant, bound);
      Map<String, Set<String>> rightShares = budgetsShared(upstream, tier.name());
      for (String model : kuadrant.models()) {
        AccessMatrix.Cell left = kuadrant.cell(bound, model);
        AccessMatrix.Cell right = upstream.cell(tier.name(), model);
        Set<String> leftShared = leftShares.getOrDefault(model, Set.of());
        Set<String> rightShared = rightShares.getOrDefault(model, Set.of());
        if (left == null || right == null) {
          out.add(
              difference(
                  file,
                  tier,
                  model,
                  left == null ? "no cell" : text(left, leftShared),
                  right == null ? "no cell" : text(right, rightShared)));
        } else if (!same(left, right) || left.access() && !leftShared.equals(rightShared)) {
          out.add(difference(file, tier, model, text(left, leftShared), text(right, rightShared)));
        }
      }
    }
    return out;
  }

  private static Diagnostic difference(
      String file, Tier tier, String model, String kuadrant, String upstream) {
    return Diagnostic.error(
        "proof.equivalence",
        SourceLocation.ofFile(file),
        "",
        "tier `"
            + tier.name()
            + "` → model `"
            + model
            + "` differs between the targets: kuadrant gives "
            + kuadrant
            + "; maas-crds gives "
            + upstream,
        "both targets must compile from one spec; look for a hand edit of either output");
  }

  /** The cell in words, with the reason of a refusal. */
  static String text(AccessMatrix.Cell cell) {
    return cell.access() || cell.denial() == null
        ? cell.text()
        : cell.text() + " (" + cell.denial() + ")";
  }

  /** The cell in words, and the models whose tokens count against the same budget. */
  private static String text(AccessMatrix.Cell cell, Set<String> shared) {
    return text(cell)
        + (shared.isEmpty()
            ? ""
            : "; one token budget with "
                + String.join(", ", shared.stream().map(m -> "`" + m + "`").toList()));
  }

  /**
   * For each model of {@code tier}'s row, the other models whose calls count in one of its token
   * counters (a limit of one policy, key and route: {@link LimitMatch#counterIdentity()}).
   */
  private static Map<String, Set<String>> budgetsShared(AccessMatrix matrix, String tier) {
    Map<String, Set<String>> byCounter = new TreeMap<>();
    for (String model : matrix.models()) {
      AccessMatrix.Cell cell = matrix.cell(tier, model);
      if (cell != null && cell.access()) {
        cell.tokenLimits()
            .forEach(
                l ->
                    byCounter
                        .computeIfAbsent(l.counterIdentity(), k -> new TreeSet<>())
                        .add(model));
      }
    }
    Map<String, Set<String>> out = new TreeMap<>();
    for (Set<String> models : byCounter.values()) {
      for (String model : models) {
        Set<String> others = out.computeIfAbsent(model, k -> new TreeSet<>());
        models.stream().filter(m -> !m.equals(model)).forEach(others::add);
      }
    }
    return out;
  }

  static boolean same(AccessMatrix.Cell a, AccessMatrix.Cell b) {
    if (a.access() != b.access()) {
      return false;
    }
    if (!a.access()) {
      return true;
    }
    return rates(a.requestRates()).equals(rates(b.requestRates()))
        && rates(a.tokenRates()).equals(rates(b.tokenRates()))
        && Objects.equals(perUser(a), perUser(b));
  }

  private static List<String> rates(List<LimitMatch.RateValue> rates) {
    return rates.stream()
        .sorted(
            Comparator.comparingLong(LimitMatch.RateValue::millis)
                .thenComparingLong(LimitMatch.RateValue::limit))
        .map(r -> r.limit() + "/" + r.millis())
        .toList();
  }

  private static String perUser(AccessMatrix.Cell cell) {
    return cell.counter();
  }
}
