package dev.maas.tokenservice.config;

import java.util.Objects;

/**
 * One rate of one limit as Limitador holds it: Kuadrant turns each rate of a policy's limit into a
 * Limitador limit named by the policy's limit key, in the namespace {@code <route namespace>/<route
 * name>}, with the limit's counter expressions as variables.
 *
 * @param namespace the Limitador namespace: the namespaced name of the HTTPRoute the limit targets
 * @param name the Limitador limit's name: the key of the limit in its policy
 * @param kind {@code requests} or {@code tokens}
 * @param tier the tier it counts; {@code null} for a limit every caller meets (a model's cap, the
 *     MaaS API's own limit)
 * @param model the model it counts; {@code null} for every model (or none)
 * @param window the window as the spec writes it
 * @param seconds the window in whole seconds, as Kuadrant passes it to Limitador
 * @param limit the most the window allows: Limitador's {@code max_value}
 * @param counter the Limitador variable that keeps one counter per caller, e.g. {@code
 *     descriptors[0]["auth.identity.userid"]}; {@code null} for one counter shared by every caller
 */
public record LimitEntry(
    String namespace,
    String name,
    String kind,
    String tier,
    String model,
    String window,
    long seconds,
    long limit,
    String counter) {

  public LimitEntry {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** Whether a caller of {@code tier} who may call {@code models} meets this limit. */
  public boolean appliesTo(TierEntry tier, java.util.function.Predicate<String> models) {
    boolean tierMatches = this.tier == null || (tier != null && this.tier.equals(tier.name()));
    return tierMatches && (model == null || models.test(model));
  }
}
