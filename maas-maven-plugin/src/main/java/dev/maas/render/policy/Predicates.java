package dev.maas.render.policy;

import dev.maas.cel.CelStrings;
import dev.maas.model.MeteredEndpoints;
import dev.maas.model.Model;
import java.util.Collection;
import java.util.List;
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
  public static final String MODEL_LISTING_PATH = MeteredEndpoints.LISTING;

  /**
   * The path the predicates compare: {@code request.url_path} has no query string, while {@code
   * request.path} has one (authorino {@code pkg/service/well_known_attributes.go} lines 62–65), so
   * {@code /v1/models?a} would not end with {@code /v1/models}.
   */
  public static final String PATH = "request.url_path";

  private Predicates() {}

  /** The caller's tier is {@code tier}. */
  public static String tierIs(String tier) {
    return TIER + " == " + CelStrings.quote(tier);
  }

  /** The caller's tier is one of {@code tiers}. */
  public static String tierIn(Collection<String> tiers) {
    return TIER
        + " in ["
        + tiers.stream().map(CelStrings::quote).collect(Collectors.joining(", "))
        + "]";
  }

  /** The request goes to {@code model}: its path starts with {@code /<namespace>/<model>/}. */
  public static String pathUnder(Model model) {
    return PATH + ".startsWith(" + CelStrings.quote(model.pathPrefix() + "/") + ")";
  }

  /** The request is one of {@code model}'s metered endpoints, called with POST. */
  public static String meteredCall(Model model) {
    return meteredCall(MeteredEndpoints.gatewayPaths(model));
  }

  /** The request is one of {@code paths}, called with POST. */
  public static String meteredCall(List<String> paths) {
    String path =
        paths.size() == 1
            ? PATH + " == " + CelStrings.quote(paths.get(0))
            : PATH
                + " in ["
                + paths.stream().map(CelStrings::quote).collect(Collectors.joining(", "))
                + "]";
    return "request.method == " + CelStrings.quote("POST") + " && " + path;
  }

  /** The request does not go to {@code model}. */
  public static String notPathUnder(Model model) {
    return "!" + pathUnder(model);
  }

  /**
   * The request lists models ({@code /v1/models} or one model's entry under it), which returns no
   * token usage and so is never token-limited.
   */
  public static String isModelListing() {
    return "("
        + PATH
        + " == "
        + CelStrings.quote(MODEL_LISTING_PATH)
        + " || "
        + PATH
        + ".startsWith("
        + CelStrings.quote(MODEL_LISTING_PATH + "/")
        + "))";
  }

  /** The request does not list models. */
  public static String notModelListing() {
    return "!" + isModelListing();
  }

  /**
   * The request is the gateway's model listing: {@code GET /v1/models} or {@code GET
   * /v1/models/<id>}.
   */
  public static String isGatewayModelListing() {
    return "request.method == " + CelStrings.quote("GET") + " && " + isModelListing();
  }
}
