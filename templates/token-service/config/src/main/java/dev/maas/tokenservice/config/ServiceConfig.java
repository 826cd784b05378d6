package dev.maas.tokenservice.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole config: who issues, for which audience, how long tokens live, and the tier and model
 * catalogue.
 *
 * @param platform the platform's name
 * @param issuer the tokens' {@code iss}, the service's in-cluster URL
 * @param audience the tokens' {@code aud}
 * @param defaultTTL a token's lifetime in seconds when the request names none
 * @param maxTTL the longest lifetime in seconds a request may ask for
 * @param apiKeyMaxTTL the longest lifetime in seconds of an API key, and that of one asked for
 *     without a lifetime
 * @param tiers the tiers in spec order
 * @param models the models in spec order
 * @param quota where callers' remaining quota is read, or {@code null} when the config predates it
 * @param modelShards the files that hold the models when the catalogue is too large for one
 *     ConfigMap ({@link ConfigFiles}), in order; {@code null} when {@code models} holds them all
 */
public record ServiceConfig(
    String platform,
    String issuer,
    String audience,
    long defaultTTL,
    long maxTTL,
    long apiKeyMaxTTL,
    List<TierEntry> tiers,
    List<ModelEntry> models,
    QuotaEntry quota,
    List<ShardRef> modelShards) {

  public ServiceConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    // A config written before API keys existed reads as 0: they then live at most as long as
    // tokens.
    apiKeyMaxTTL = apiKeyMaxTTL > 0 ? apiKeyMaxTTL : maxTTL;
    tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
    models = models == null ? List.of() : List.copyOf(models);
    modelShards = modelShards == null ? null : List.copyOf(modelShards);
  }

  /** A config that holds all its models itself. */
  public ServiceConfig(
      String platform,
      String issuer,
      String audience,
      long defaultTTL,
      long maxTTL,
      long apiKeyMaxTTL,
      List<TierEntry> tiers,
      List<ModelEntry> models,
      QuotaEntry quota) {
    this(platform, issuer, audience, defaultTTL, maxTTL, apiKeyMaxTTL, tiers, models, quota, null);
  }

  /** This config, with callers' remaining quota read where {@code quota} says. */
  public ServiceConfig withQuota(QuotaEntry quota) {
    return copy(tiers, models, quota, modelShards);
  }

  /** This config with {@code tiers} and {@code models} in place of its own, and {@code shards}. */
  ServiceConfig withTiersAndModels(
      List<TierEntry> tiers, List<ModelEntry> models, List<ShardRef> modelShards) {
    return copy(tiers, models, quota, modelShards);
  }

  private ServiceConfig copy(
      List<TierEntry> tiers, List<ModelEntry> models, QuotaEntry quota, List<ShardRef> shards) {
    return new ServiceConfig(
        platform, issuer, audience, defaultTTL, maxTTL, apiKeyMaxTTL, tiers, models, quota, shards);
  }

  /**
   * The highest-level tier one of {@code groups} belongs to; spec order breaks ties between equal
   * levels.
   */
  public Optional<TierEntry> tierFor(List<String> groups) {
    List<TierEntry> byLevel = new ArrayList<>(tiers);
    // A stable sort keeps spec order among tiers of one level.
    byLevel.sort(Comparator.comparingInt(TierEntry::level).reversed());
    return byLevel.stream().filter(t -> groups.stream().anyMatch(t.groups()::contains)).findFirst();
  }

  /** The tier named {@code name}, if it still exists. */
  public Optional<TierEntry> tier(String name) {
    return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The Limitador limits that may count a caller of {@code tier} (none is {@code null}): the tier's
   * own and its per-model ones, the caps of the models it may call, and the MaaS API's own; of each
   * kind. Which of them exist, and their windows, only Limitador knows.
   */
  public List<LimitName> limitNamesOf(TierEntry tier) {
    if (quota == null) {
      return List.of();
    }
    List<LimitName> out = new ArrayList<>();
    List<ModelEntry> allowed = tier == null ? List.of() : modelsOf(tier);
    for (String kind : List.of(LimitName.REQUESTS, LimitName.TOKENS)) {
      String ns = quota.modelsNamespace();
      if (tier != null) {
        out.add(new LimitName(ns, LimitName.tier(tier.name(), kind), kind, null));
        for (ModelEntry m : allowed) {
          out.add(
              new LimitName(ns, LimitName.override(tier.name(), m.name(), kind), kind, m.name()));
        }
      }
      for (ModelEntry m : allowed) {
        out.add(new LimitName(ns, LimitName.cap(m.name(), kind), kind, m.name()));
      }
    }
    out.add(new LimitName(quota.apiNamespace(), LimitName.API, LimitName.REQUESTS, null));
    return out;
  }

  /** The models {@code tier} may call, in spec order. */
  public List<ModelEntry> modelsOf(TierEntry tier) {
    if (tier.models() == null) {
      return models;
    }
    Set<String> listed = new HashSet<>(tier.models());
    return models.stream().filter(m -> listed.contains(m.name())).toList();
  }
}
