package dev.maas.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole platform as one spec describes it; immutable and already validated.
 *
 * @param name the platform instance (DNS-1123 label)
 * @param specFile the spec file as diagnostics name it
 * @param specHash the SHA-256 of the spec file's bytes
 * @param target what the compilation hands the cluster
 */
public record Platform(
    String name,
    String specFile,
    String specHash,
    Gateway gateway,
    UserAuth auth,
    TokenService tokens,
    List<Tier> tiers,
    List<Model> models,
    Limitador limitador,
    Observability observability,
    List<Environment> environments,
    GitOps gitops,
    Target target) {

  public Platform {
    tiers = NamedList.of(tiers, Tier::name);
    models = NamedList.of(models, Model::name);
    environments = List.copyOf(environments);
    target = target == null ? Target.KUADRANT : target;
  }

  /** This platform with {@code gitops} as its GitOps target. */
  public Platform withGitOps(GitOps gitops) {
    return with(parts -> parts.gitops = gitops);
  }

  /** This platform compiled for {@code target}. */
  public Platform withTarget(Target target) {
    return with(parts -> parts.target = target);
  }

  /** A copy of this platform with the parts {@code change} sets; name and spec stay. */
  public Platform with(Consumer<Parts> change) {
    Parts parts = new Parts(this);
    change.accept(parts);
    return new Platform(
        name,
        specFile,
        specHash,
        parts.gateway,
        parts.auth,
        parts.tokens,
        parts.tiers,
        parts.models,
        parts.limitador,
        parts.observability,
        parts.environments,
        parts.gitops,
        parts.target);
  }

  /** The parts of a platform a copy may change, each preset to the original's. */
  public static final class Parts {
    public Gateway gateway;
    public UserAuth auth;
    public TokenService tokens;
    public List<Tier> tiers;
    public List<Model> models;
    public Limitador limitador;
    public Observability observability;
    public List<Environment> environments;
    public GitOps gitops;
    public Target target;

    private Parts(Platform from) {
      gateway = from.gateway;
      auth = from.auth;
      tokens = from.tokens;
      tiers = from.tiers;
      models = from.models;
      limitador = from.limitador;
      observability = from.observability;
      environments = from.environments;
      gitops = from.gitops;
      target = from.target;
    }
  }

  /** The model named {@code name}. */
  public Optional<Model> model(String name) {
    return NamedList.find(models, name);
  }

  /** The tier named {@code name}. */
  public Optional<Tier> tier(String name) {
    return NamedList.find(tiers, name);
  }

  /**
   * The currency of the models' prices, or {@code null} when no model has one (one currency per
   * spec).
   */
  public String currency() {
    return models.stream()
        .filter(m -> m.pricing() != null)
        .map(m -> m.pricing().currency())
        .findFirst()
        .orElse(null);
  }

  /** Tiers ordered by level, highest first (the order in which a user's tier is chosen). */
  public List<Tier> tiersByLevelDescending() {
    return tiers.stream().sorted((a, b) -> Integer.compare(b.level(), a.level())).toList();
  }
}
