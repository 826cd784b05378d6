package dev.maas.tokenservice.config;

import java.util.Objects;

/**
 * A Limitador limit that may count a caller's calls, named as Kuadrant names it: the limit's key in
 * its policy (kuadrant-operator v1.5.2 limitador_limits_reconciler.go lines 176-201). The compiler
 * names the policies' limits with {@link #tier}, {@link #override}, {@link #cap} and {@link #API},
 * and the service finds a caller's limits with the same methods.
 *
 * @param namespace the Limitador namespace: the namespaced name of the HTTPRoute the policy targets
 * @param name the limit's name
 * @param kind {@code requests} or {@code tokens}
 * @param model the model it counts; {@code null} for every model of the tier, or the MaaS API
 */
public record LimitName(String namespace, String name, String kind, String model) {

  /** The kind of a limit that counts requests. */
  public static final String REQUESTS = "requests";

  /** The kind of a limit that counts tokens. */
  public static final String TOKENS = "tokens";

  /** The key of the MaaS API's own limit, per caller, on its route. */
  public static final String API = "per-caller";

  public LimitName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** A tier's limit of {@code kind} over all its models: {@code <tier>-<kind>}. */
  public static String tier(String tier, String kind) {
    return tier + "-" + kind;
  }

  /** A tier's own limit for one model: {@code <tier>-<model>-<kind>}. */
  public static String override(String tier, String model, String kind) {
    return tier + "-" + model + "-" + kind;
  }

  /**
   * A model's cap, whoever calls it: {@code model.<model>.<kind>}. Tier names are DNS labels
   * without dots, so no tier's key can equal it.
   */
  public static String cap(String model, String kind) {
    return "model." + model + "." + kind;
  }
}
