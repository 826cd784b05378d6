package dev.maas.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A subscription tier: who is in it, which models it may call, and at what rate.
 *
 * @param name the tier's name (DNS-1123 label)
 * @param displayName a human name
 * @param description what the tier is for
 * @param level higher wins when a user's groups match several tiers
 * @param groups the user groups in this tier
 * @param models the models this tier may call; {@code null} means every model
 * @param limits the tier's limits; {@code null} only when {@code unlimited}
 * @param unlimited whether the tier deliberately has no limits
 * @param modelLimits per-model limits that replace the tier's limits for that model
 * @param attribution the cost centre, labels and budget its usage is charged to
 */
public record Tier(
    String name,
    String displayName,
    String description,
    int level,
    List<String> groups,
    List<String> models,
    Limits limits,
    boolean unlimited,
    Map<String, ModelLimits> modelLimits,
    Attribution attribution) {

  public Tier {
    attribution = attribution == null ? Attribution.none() : attribution;
    groups = groups == null ? List.of() : List.copyOf(groups);
    models = models == null ? null : NamedList.ofNames(models);
    limits = limits == null ? Limits.none() : limits;
    modelLimits =
        modelLimits == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(modelLimits));
    displayName = displayName == null ? name : displayName;
  }

  /** Whether this tier may call {@code model}. */
  public boolean allows(String model) {
    return models == null || models.contains(model);
  }

  /** The request rates that apply to {@code model} for this tier. */
  public List<Rate> requestRatesFor(String model) {
    ModelLimits override = modelLimits.get(model);
    return override != null && override.requests() != null
        ? override.requests()
        : limits.requests();
  }

  /** The token rates that apply to {@code model} for this tier. */
  public List<Rate> tokenRatesFor(String model) {
    ModelLimits override = modelLimits.get(model);
    return override != null && override.tokens() != null ? override.tokens() : limits.tokens();
  }
}
