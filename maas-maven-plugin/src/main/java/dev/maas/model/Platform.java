package dev.maas.model;

import java.util.List;
import java.util.Optional;

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

  /** A platform for the default target. */
  public Platform(
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
      GitOps gitops) {
    this(
        name,
        specFile,
        specHash,
        gateway,
        auth,
        tokens,
        tiers,
        models,
        limitador,
        observability,
        environments,
        gitops,
        Target.KUADRANT);
  }

  /** This platform with {@code gitops} as its GitOps target. */
  public Platform withGitOps(GitOps gitops) {
    return new Platform(
        name,
        specFile,
        specHash,
        gateway,
        auth,
        tokens,
        tiers,
        models,
        limitador,
        observability,
        environments,
        gitops,
        target);
  }

  /** This platform compiled for {@code target}. */
  public Platform withTarget(Target target) {
    return new Platform(
        name,
        specFile,
        specHash,
        gateway,
        auth,
        tokens,
        tiers,
        models,
        limitador,
        observability,
        environments,
        gitops,
        target);
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
