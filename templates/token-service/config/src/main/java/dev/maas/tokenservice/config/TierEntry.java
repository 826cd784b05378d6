package dev.maas.tokenservice.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One subscription tier.
 *
 * @param name the tier's name, the tokens' {@code tier} claim
 * @param displayName what people read
 * @param level the higher level wins when a caller's groups match several tiers
 * @param groups the groups whose members get the tier, compared as exact strings
 * @param models the models the tier may call; {@code null} for every model, including ones added later
 * @param limits the tier's rates (the spec's base limits, before any environment's overlay)
 * @param counter who shares the counters: {@code user} (each caller their own) or {@code tier} (all callers one)
 * @param modelLimits per-model rates that replace the tier's rates of that kind for that model
 */
public record TierEntry(String name, String displayName, int level, List<String> groups, List<String> models,
    LimitSet limits, String counter, Map<String, LimitSet> modelLimits) {

  public TierEntry {
    Objects.requireNonNull(name, "name");
    displayName = displayName == null ? name : displayName;
    groups = groups == null ? List.of() : List.copyOf(groups);
    models = models == null ? null : List.copyOf(models);
    limits = limits == null ? LimitSet.NONE : limits.over(LimitSet.NONE);
    counter = counter == null ? "user" : counter;
    modelLimits = modelLimits == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(modelLimits));
  }

  /** A tier without limits, counted per user. */
  public TierEntry(String name, String displayName, int level, List<String> groups, List<String> models) {
    this(name, displayName, level, groups, models, LimitSet.NONE, "user", Map.of());
  }

  /** The rates that apply to calls of {@code model}. */
  public LimitSet limitsFor(String model) {
    LimitSet override = modelLimits.get(model);
    return override == null ? limits : override.over(limits);
  }

  /** Whether the tier may call {@code model}. */
  public boolean allows(String model) {
    return models == null || models.contains(model);
  }
}
