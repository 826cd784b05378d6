package dev.maas.tokenservice.config;

import java.util.List;
import java.util.Objects;

/**
 * One subscription tier.
 *
 * @param name the tier's name, the tokens' {@code tier} claim
 * @param displayName what people read
 * @param level the higher level wins when a caller's groups match several tiers
 * @param groups the groups whose members get the tier, compared as exact strings
 * @param models the models the tier may call; {@code null} for every model, including ones added
 *     later
 */
public record TierEntry(
    String name, String displayName, int level, List<String> groups, List<String> models) {

  public TierEntry {
    Objects.requireNonNull(name, "name");
    displayName = displayName == null ? name : displayName;
    groups = groups == null ? List.of() : List.copyOf(groups);
    models = models == null ? null : List.copyOf(models);
  }

  /** This tier with {@code models} as its list; a tier of every model stays one. */
  public TierEntry withListed(List<String> models) {
    return this.models == null ? this : new TierEntry(name, displayName, level, groups, models);
  }

  /** Whether the tier may call {@code model}. */
  public boolean allows(String model) {
    return models == null || models.contains(model);
  }
}
