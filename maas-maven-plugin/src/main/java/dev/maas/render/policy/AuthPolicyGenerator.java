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
    patternRule(authorization, "tier-access", accessPredicate(platform));

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
    return String.join("\n|| ", alternatives.stream().map(a -> "(" + a + ")").toList());
  }
}
