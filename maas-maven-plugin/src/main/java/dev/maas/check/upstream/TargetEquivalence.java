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
import java.util.Objects;

/**
 * Shows that the {@code kuadrant} and the {@code maas-crds} output of one spec grant the same: for every tier × model,
 * a member of the tier gets the same access, the same token rates (by length of window, {@code 1h} = {@code 60m}), no
 * request limit on either, and one counter per user on both. A difference is a finding that shows both sides.
 */
public final class TargetEquivalence {

  /** The tier a member of {@code tier} gets on the kuadrant target: the highest level holding one of their groups. */
  static String kuadrantTier(Platform platform, Tier tier) {
    List<String> groups = UpstreamProof.memberGroups(tier);
    return platform.tiersByLevelDescending().stream().filter(t -> t.groups().stream().anyMatch(groups::contains))
        .map(Tier::name).findFirst().orElse(tier.name());
  }

  /**
   * The differences between the two outputs of one spec: {@code crds} (its {@code maas-crds} output, proven by
   * {@link UpstreamProof}) and {@code kuadrant} (its {@code kuadrant} output, proven by the policy proof).
   */
  public List<Diagnostic> prove(Platform platform, GeneratedTree crds, GeneratedTree kuadrant) {
    AccessMatrix k = new PolicyProof().prove(platform.withTarget(Target.KUADRANT), kuadrant).matrix();
    AccessMatrix u = new UpstreamProof().prove(platform, crds).matrix();
    return compare(platform, k, u, crds);
  }

  /**
   * The differences between {@code kuadrant}, the matrix the policy proof built from the kuadrant output, and
   * {@code upstream}, the matrix {@link UpstreamProof} built from {@code crds}, the maas-crds output of the same
   * spec. A finding points at the MaaSSubscription the tier's members are bound to.
   */
  public List<Diagnostic> compare(Platform platform, AccessMatrix kuadrant, AccessMatrix upstream, GeneratedTree crds) {
    List<Diagnostic> out = new ArrayList<>();
    UpstreamResources resources = UpstreamResources.of(crds);
    for (Tier tier : platform.tiers()) {
      String bound = kuadrantTier(platform, tier);
      String file = UpstreamProof.bind(resources, UpstreamProof.memberGroups(tier))
          .map(UpstreamResources.Subscription::file).orElse("");
      for (String model : kuadrant.models()) {
        AccessMatrix.Cell left = kuadrant.cell(bound, model);
        AccessMatrix.Cell right = upstream.cell(tier.name(), model);
        if (left == null || right == null) {
          out.add(difference(file, tier, model, left == null ? "no cell" : text(left),
              right == null ? "no cell" : text(right)));
        } else if (!same(left, right)) {
          out.add(difference(file, tier, model, text(left), text(right)));
        }
      }
    }
    return out;
  }

  private static Diagnostic difference(String file, Tier tier, String model, String kuadrant, String upstream) {
    return Diagnostic.error("proof.equivalence", SourceLocation.ofFile(file), "", "tier `" + tier.name() + "` → model `"
        + model + "` differs between the targets: kuadrant gives " + kuadrant + "; maas-crds gives " + upstream,
        "both targets must compile from one spec; look for a hand edit of either output");
  }

  /** The cell in words, with the reason of a refusal. */
  static String text(AccessMatrix.Cell cell) {
    return cell.access() || cell.denial() == null ? cell.text() : cell.text() + " (" + cell.denial() + ")";
  }

  static boolean same(AccessMatrix.Cell a, AccessMatrix.Cell b) {
    if (a.access() != b.access()) {
      return false;
    }
    if (!a.access()) {
      return true;
    }
    return rates(a.requestRates()).equals(rates(b.requestRates())) && rates(a.tokenRates()).equals(rates(b.tokenRates()))
        && Objects.equals(perUser(a), perUser(b));
  }

  private static List<String> rates(List<LimitMatch.RateValue> rates) {
    return rates.stream().sorted(Comparator.comparingLong(LimitMatch.RateValue::millis)
        .thenComparingLong(LimitMatch.RateValue::limit)).map(r -> r.limit() + "/" + r.millis()).toList();
  }

  private static String perUser(AccessMatrix.Cell cell) {
    return cell.counter();
  }
}
