package dev.maas.render.policy;

import dev.maas.cel.CelStrings;
import dev.maas.model.Model;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The CEL predicates the gateway policies are made of; every spec string enters CEL only through
 * {@link CelStrings#quote}.
 */
public final class Predicates {

  /** The identity attribute that holds the user, as the AuthPolicy's identity filter exposes it. */
  public static final String USER_ID = "auth.identity.userid";

  /** The identity attribute that holds the tier, as the AuthPolicy's identity filter exposes it. */
  public static final String TIER = "auth.identity.tier";

  /** The path of the platform-wide model listing. */
  public static final String MODEL_LISTING_PATH = "/v1/models";

  private Predicates() {}

  /** The caller's tier is {@code tier}. */
  public static String tierIs(String tier) {
    return TIER + " == " + CelStrings.quote(tier);
  }

  /** The caller's tier is one of {@code tiers}. */
  public static String tierIn(Collection<String> tiers) {
    return TIER + " in [" + tiers.stream().map(CelStrings::quote).collect(Collectors.joining(", ")) + "]";
  }

  /** The request goes to {@code model}: its path starts with {@code /<namespace>/<model>/}. */
  public static String pathUnder(Model model) {
    return "request.path.startsWith(" + CelStrings.quote(model.pathPrefix() + "/") + ")";
  }

  /** The request does not go to {@code model}. */
  public static String notPathUnder(Model model) {
    return "!" + pathUnder(model);
  }

  /**
   * The request lists models (the gateway's {@code /v1/models} or a model's own), which returns no
   * token usage and so is never token-limited.
   */
  public static String isModelListing() {
    return "request.path.endsWith(" + CelStrings.quote(MODEL_LISTING_PATH) + ")";
  }

  /** The request does not list models. */
  public static String notModelListing() {
    return "!" + isModelListing();
  }

  /** The request is the gateway's model listing: {@code GET /v1/models}. */
  public static String isGatewayModelListing() {
    return "request.method == " + CelStrings.quote("GET") + " && (request.path == " + CelStrings.quote(MODEL_LISTING_PATH)
        + " || request.path.startsWith(" + CelStrings.quote(MODEL_LISTING_PATH + "?") + "))";
  }

  /** The request is not for the token service, whose route has its own auth and no tier identity. */
  public static String notTokenServicePath(String pathPrefix) {
    return "!request.path.startsWith(" + CelStrings.quote(pathPrefix + "/") + ")";
  }
}
