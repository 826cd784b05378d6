package dev.maas.plan;

import dev.maas.model.Platform;
import dev.maas.output.ChangeType;
import dev.maas.output.GeneratedTree;
import java.util.List;
import java.util.Map;

/**
 * What a change of the spec does to one platform: its objects, and who can call what at what rate.
 *
 * @param platform the platform's name
 * @param base what the output was compared with, in words
 * @param before the base side
 * @param after the side the spec now produces
 * @param objects every object added, changed or removed
 * @param changes the changes of access, limits, tiers, models and groups, in words
 * @param cost worst-case spend before and after, and the counters that restart from zero
 */
public record PlatformPlan(
    String platform,
    String base,
    PlatformSide before,
    PlatformSide after,
    List<ObjectDelta> objects,
    List<PolicyChange> changes,
    PlanCost cost) {

  public PlatformPlan {
    objects = List.copyOf(objects);
    changes = List.copyOf(changes);
    cost = cost == null ? PlanCost.NONE : cost;
  }

  /** A plan without its cost side. */
  public PlatformPlan(
      String platform,
      String base,
      PlatformSide before,
      PlatformSide after,
      List<ObjectDelta> objects,
      List<PolicyChange> changes) {
    this(platform, base, before, after, objects, changes, PlanCost.NONE);
  }

  /**
   * Compares the spec's output {@code after} with {@code before}, writing windows as the policies
   * do.
   */
  public static PlatformPlan of(
      String platform, String base, GeneratedTree before, GeneratedTree after) {
    return of(platform, base, before, after, Map.of(), PlanCost.DEFAULT_WARN_PERCENT);
  }

  /**
   * Compares {@code spec}'s output {@code after} with {@code before}, writing windows as the spec
   * does.
   */
  public static PlatformPlan of(
      Platform spec, String base, GeneratedTree before, GeneratedTree after) {
    return of(spec, base, before, after, PlanCost.DEFAULT_WARN_PERCENT);
  }

  /**
   * As {@link #of(Platform, String, GeneratedTree, GeneratedTree)}; a spend rise past {@code
   * warnPercent} breaks.
   */
  public static PlatformPlan of(
      Platform spec, String base, GeneratedTree before, GeneratedTree after, int warnPercent) {
    return of(spec.name(), base, before, after, WindowSpelling.of(spec), warnPercent);
  }

  private static PlatformPlan of(
      String platform,
      String base,
      GeneratedTree before,
      GeneratedTree after,
      Map<Long, String> spellings,
      int warnPercent) {
    PlatformSide old = PlatformSide.of(before).respelled(spellings);
    PlatformSide now = PlatformSide.of(after).respelled(spellings);
    PlanCost cost = PlanCost.between(old, now, warnPercent);
    List<PolicyChange> changes = new java.util.ArrayList<>(PolicyChanges.between(old, now));
    changes.addAll(cost.changes());
    return new PlatformPlan(
        platform, base, old, now, ObjectDiff.between(before, after), changes, cost);
  }

  /**
   * How many objects undergo {@code type}, leaving out those whose only change is their provenance.
   */
  public long count(ChangeType type) {
    return objects.stream().filter(o -> o.type() == type && !o.provenanceOnly()).count();
  }

  /** How many objects changed only in their provenance annotations. */
  public long provenanceOnly() {
    return objects.stream().filter(ObjectDelta::provenanceOnly).count();
  }

  /** Whether nothing that matters changed: no object beyond its provenance, no access or limit. */
  public boolean noChanges() {
    return changes.isEmpty() && objects.stream().allMatch(ObjectDelta::provenanceOnly);
  }

  /** The breaking changes. */
  public List<PolicyChange> breaking() {
    return changes.stream().filter(PolicyChange::breaking).toList();
  }

  /** {@code 1 object added, 3 changed, 0 removed}, or {@code no changes}. */
  public String summary() {
    if (noChanges()) {
      return "no changes";
    }
    long added = count(ChangeType.ADDED);
    return added
        + (added == 1 ? " object" : " objects")
        + " added, "
        + count(ChangeType.CHANGED)
        + " changed, "
        + count(ChangeType.REMOVED)
        + " removed";
  }
}
