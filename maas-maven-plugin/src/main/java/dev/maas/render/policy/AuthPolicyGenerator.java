package dev.maas.render.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.cel.CelStrings;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.tokenservice.TokenServiceEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Generates the gateway-level AuthPolicy: only tokens of the platform's token service pass, revoked
 * tokens are refused, and a path is allowed only when it is a model the caller's tier may call (or
 * the model listing); every other path is denied.
 */
public final class AuthPolicyGenerator implements Generator {

  /** Longest time a revocation answer is trusted, in seconds. */
  public static final int REVOCATION_CACHE_TTL = 30;

  /** How long the issuer's discovery document is cached, in seconds. */
  static final int DISCOVERY_TTL = 300;

  /**
   * Longest tier-access predicate written as one expression, in characters. CEL refuses expressions longer than
   * 100,000 code points (cel-go in Authorino and dev.cel alike), and a platform of a thousand models needs about
   * twice that; above this size the predicate is cut into parts, each well under the limit.
   */
  static final int PREDICATE_BUDGET = 30_000;

  private final int predicateBudget;

  /** A generator that keeps each predicate under {@link #PREDICATE_BUDGET}. */
  public AuthPolicyGenerator() {
    this(PREDICATE_BUDGET);
  }

  /** A generator that cuts the tier-access predicate into parts of at most {@code predicateBudget} characters. */
  AuthPolicyGenerator(int predicateBudget) {
    this.predicateBudget = predicateBudget;
  }

  /** It reads model and gateway names and namespaces, and the tiers. */
  @Override
  public boolean environmentInvariant() {
    return true;
  }

  @Override
  public String name() {
    return "auth-policy";
  }

  /** The AuthPolicy's name. */
  public static String policyName(Platform platform) {
    return platform.name() + "-gateway-auth";
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    KubeObject policy = Manifests.object("kuadrant.io/v1", "AuthPolicy", policyName(platform), platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(policy);
    spec.set("targetRef", Manifests.gatewayTarget(platform.gateway().name()));
    ObjectNode rules = spec.putObject("rules");

    ObjectNode jwt = rules.putObject("authentication").putObject("maas-tokens");
    ObjectNode jwtSettings = jwt.putObject("jwt");
    jwtSettings.put("issuerUrl", TokenServiceEndpoints.issuer(platform));
    jwtSettings.put("ttl", DISCOVERY_TTL);

    ObjectNode revocation = rules.putObject("metadata").putObject("revocation");
    ObjectNode http = revocation.putObject("http");
    http.put("url", TokenServiceEndpoints.revocationStatusUrl(platform));
    http.put("method", "POST");
    http.put("contentType", "application/json");
    http.putObject("body").put("expression",
        "{\"jti\": auth.identity.jti, \"sub\": auth.identity.sub, \"iat\": auth.identity.iat}");
    ObjectNode cache = revocation.putObject("cache");
    cache.putObject("key").put("selector", "auth.identity.jti");
    cache.put("ttl", REVOCATION_CACHE_TTL);

    ObjectNode authorization = rules.putObject("authorization");
    patternRule(authorization, "audience", audiencePredicate(platform));
    // A failed status call leaves no answer, so the predicate errs and the request is denied.
    patternRule(authorization, "not-revoked", "auth.metadata.revocation.revoked == false");
    accessRule(authorization, accessPredicates(platform, predicateBudget));

    ObjectNode response = rules.putObject("response");
    ObjectNode unauthenticated = response.putObject("unauthenticated");
    unauthenticated.put("code", 401);
    unauthenticated.putObject("message").put("value", "a valid token of this platform is required");
    ObjectNode unauthorized = response.putObject("unauthorized");
    unauthorized.put("code", 403);
    unauthorized.putObject("message").put("value", "your tier may not call this path");
    ObjectNode properties = response.putObject("success").putObject("filters").putObject("identity")
        .putObject("json").putObject("properties");
    properties.putObject("userid").put("expression", "auth.identity.sub");
    properties.putObject("tier").put("expression", "auth.identity.tier");
    return List.of(policy);
  }

  /**
   * The tier-access rule: one predicate, or, for a platform too large for one, a pattern that holds when any of
   * its parts holds (Authorino's {@code any}).
   */
  private static void accessRule(ObjectNode authorization, List<String> parts) {
    if (parts.size() == 1) {
      patternRule(authorization, "tier-access", parts.get(0));
      return;
    }
    var any = authorization.putObject("tier-access").putObject("patternMatching").putArray("patterns").addObject()
        .putArray("any");
    parts.forEach(part -> any.addObject().put("predicate", part));
  }

  private static void patternRule(ObjectNode authorization, String name, String predicate) {
    authorization.putObject(name).putObject("patternMatching").putArray("patterns").addObject().put("predicate", predicate);
  }

  /** The token was issued for this platform; {@code aud} may be a string or a list. */
  static String audiencePredicate(Platform platform) {
    String audience = CelStrings.quote(TokenServiceEndpoints.audience(platform));
    return "type(auth.identity.aud) == list ? " + audience + " in auth.identity.aud : auth.identity.aud == " + audience;
  }

  /**
   * One alternative per reachable model (its path and the tiers that may call it), plus the model
   * listing; a path matching no alternative is denied.
   */
  static String accessPredicate(Platform platform) {
    return joined(alternatives(platform));
  }

  /**
   * The tier-access predicate cut into parts of at most {@code budget} characters where it is longer; the
   * request is allowed when any part holds. Each part is whole alternatives, in the order of the single predicate.
   */
  static List<String> accessPredicates(Platform platform, int budget) {
    List<String> alternatives = alternatives(platform);
    List<String> parts = new ArrayList<>();
    List<String> part = new ArrayList<>();
    int length = 0;
    for (String alternative : alternatives) {
      int added = alternative.length() + (part.isEmpty() ? 2 : 6);
      if (!part.isEmpty() && length + added > budget) {
        parts.add(joined(part));
        part = new ArrayList<>();
        length = 0;
        added = alternative.length() + 2;
      }
      part.add(alternative);
      length += added;
    }
    parts.add(joined(part));
    return parts;
  }

  private static String joined(List<String> alternatives) {
    return String.join("\n|| ", alternatives.stream().map(a -> "(" + a + ")").toList());
  }

  private static List<String> alternatives(Platform platform) {
    List<String> alternatives = new ArrayList<>();
    alternatives.add(Predicates.isGatewayModelListing());
    for (Model model : platform.models()) {
      TreeSet<String> tiers = new TreeSet<>();
      for (Tier tier : platform.tiers()) {
        if (tier.allows(model.name())) {
          tiers.add(tier.name());
        }
      }
      if (!tiers.isEmpty()) {
        alternatives.add(Predicates.pathUnder(model) + " && " + Predicates.tierIn(tiers));
      }
    }
    return alternatives;
  }
}
