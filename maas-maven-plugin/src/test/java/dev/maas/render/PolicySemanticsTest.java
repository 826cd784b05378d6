package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelFailure;
import dev.maas.model.CounterScope;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the generated CEL predicates on synthetic requests for every tier and model of the
 * reference spec: exactly the spec's limits apply, and tiers are refused what they may not call.
 */
class PolicySemanticsTest {

  private static final CelEngine CEL = CelEngine.withVariables("request", "auth");

  private static Platform platform;
  private static JsonNode auth;
  private static JsonNode requestLimits;
  private static JsonNode tokenLimits;

  @BeforeAll
  static void render() {
    platform = Fixtures.acme();
    GeneratedTree tree = Fixtures.render(platform);
    auth = Fixtures.object(tree, "base/authpolicy-acme-gateway-auth.yaml");
    requestLimits = Fixtures.object(tree, "base/ratelimitpolicy-acme-request-limits.yaml");
    tokenLimits = Fixtures.object(tree, "base/tokenratelimitpolicy-acme-token-limits.yaml");
  }

  /** The attributes a request carries at the gateway, after the AuthPolicy's identity filter. */
  private static Map<String, Object> request(
      String tier, String method, String path, boolean revoked, Object aud) {
    Map<String, Object> identity = new HashMap<>();
    identity.put("sub", "alice");
    identity.put("userid", "alice");
    identity.put("tier", tier);
    identity.put("aud", aud);
    identity.put("jti", "j-1");
    identity.put("iat", 1_700_000_000L);
    Map<String, Object> vars = new HashMap<>();
    int query = path.indexOf('?');
    vars.put(
        "request",
        Map.of(
            "method",
            method,
            "path",
            path,
            "url_path",
            query < 0 ? path : path.substring(0, query)));
    vars.put(
        "auth",
        Map.of("identity", identity, "metadata", Map.of("revocation", Map.of("revoked", revoked))));
    return vars;
  }

  private static Map<String, Object> request(String tier, String method, String path) {
    return request(tier, method, path, false, "maas:acme");
  }

  private static boolean allPass(JsonNode when, Map<String, Object> vars) throws CelFailure {
    for (JsonNode condition : when) {
      if (!CEL.compile(condition.path("predicate").asText()).test(vars)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every authorization rule of the AuthPolicy lets the request through (all rules must
   * pass).
   */
  private static boolean authorized(Map<String, Object> vars) throws CelFailure {
    JsonNode rules = auth.path("spec").path("rules").path("authorization");
    for (JsonNode rule : rules) {
      for (JsonNode pattern : rule.path("patternMatching").path("patterns")) {
        boolean pass;
        try {
          pass = CEL.compile(pattern.path("predicate").asText()).test(vars);
        } catch (CelFailure e) {
          pass = false; // Authorino denies when a predicate cannot be evaluated
        }
        if (!pass) {
          return false;
        }
      }
    }
    return true;
  }

  /** The keys of the limits of {@code policy} whose predicates all match. */
  private static List<String> matching(JsonNode policy, Map<String, Object> vars)
      throws CelFailure {
    List<String> keys = new ArrayList<>();
    if (!allPass(policy.path("spec").path("when"), vars)) {
      return keys;
    }
    for (Map.Entry<String, JsonNode> limit :
        (Iterable<Map.Entry<String, JsonNode>>) () -> policy.path("spec").path("limits").fields()) {
      if (allPass(limit.getValue().path("when"), vars)) {
        keys.add(limit.getKey());
      }
    }
    return keys;
  }

  private static List<Map<String, Object>> rates(JsonNode limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    limit
        .path("rates")
        .forEach(
            r -> {
              Map<String, Object> rate = new LinkedHashMap<>();
              rate.put("limit", r.path("limit").asLong());
              rate.put("window", r.path("window").asText());
              out.add(rate);
            });
    return out;
  }

  private static List<Map<String, Object>> expected(List<Rate> rates) {
    return rates.stream()
        .map(
            r -> {
              Map<String, Object> rate = new LinkedHashMap<>();
              rate.put("limit", r.limit());
              rate.put("window", r.parsedWindow().toKuadrant());
              return rate;
            })
        .toList();
  }

  @Test
  void everyTierGetsExactlyItsLimitsOnEveryModel() throws CelFailure {
    for (Tier tier : platform.tiers()) {
      for (Model model : platform.models()) {
        Map<String, Object> vars =
            request(tier.name(), "POST", dev.maas.model.MeteredEndpoints.primaryPath(model));
        String where = tier.name() + " × " + model.name();

        List<String> tokens = matching(tokenLimits, vars);
        List<Rate> tokenRates = tier.tokenRatesFor(model.name());
        assertEquals(
            tokenRates.isEmpty() ? 0 : 1, tokens.size(), where + ": token limits " + tokens);
        if (!tokenRates.isEmpty()) {
          assertEquals(
              expected(tokenRates),
              rates(tokenLimits.path("spec").path("limits").path(tokens.get(0))),
              where);
        }

        List<String> requests = matching(requestLimits, vars);
        List<Rate> requestRates = tier.requestRatesFor(model.name());
        assertEquals(
            requestRates.isEmpty() ? 0 : 1,
            requests.size(),
            where + ": request limits " + requests);
        if (!requestRates.isEmpty()) {
          assertEquals(
              expected(requestRates),
              rates(requestLimits.path("spec").path("limits").path(requests.get(0))),
              where);
        }

        assertEquals(tier.allows(model.name()), authorized(vars), where + ": access");
      }
    }
  }

  @Test
  void premiumHasItsOwnLlamaTokenLimitThatTheGeneralLimitLeavesOut() throws CelFailure {
    JsonNode limits = tokenLimits.path("spec").path("limits");
    assertEquals(
        List.of(Map.of("limit", 20000L, "window", "1m")),
        rates(limits.path("premium-llama-70b-tokens")));
    Map<String, Object> llama = request("premium", "POST", "/llm/llama-70b/v1/chat/completions");
    Map<String, Object> granite = request("premium", "POST", "/llm/granite-8b/v1/chat/completions");
    assertFalse(allPass(limits.path("premium-tokens").path("when"), llama));
    assertTrue(allPass(limits.path("premium-tokens").path("when"), granite));
    assertTrue(allPass(limits.path("premium-llama-70b-tokens").path("when"), llama));
    assertFalse(allPass(limits.path("premium-llama-70b-tokens").path("when"), granite));
  }

  @Test
  void daysCompileToHours() {
    JsonNode premium = tokenLimits.path("spec").path("limits").path("premium-tokens");
    assertEquals(
        List.of(
            Map.of("limit", 50000L, "window", "1m"), Map.of("limit", 2000000L, "window", "24h")),
        rates(premium));
  }

  @Test
  void counterIsPerUserUnlessTheTierSharesOne() {
    for (JsonNode policy : List.of(requestLimits, tokenLimits)) {
      for (Map.Entry<String, JsonNode> limit :
          (Iterable<Map.Entry<String, JsonNode>>)
              () -> policy.path("spec").path("limits").fields()) {
        String tierName = limit.getKey().substring(0, limit.getKey().indexOf('-'));
        Tier tier = platform.tier(tierName).orElseThrow();
        if (tier.limits().counterScope() == CounterScope.TIER) {
          assertTrue(
              limit.getValue().path("counters").isMissingNode(),
              limit.getKey() + " must share one bucket");
        } else {
          assertEquals(
              "auth.identity.userid",
              limit.getValue().path("counters").path(0).path("expression").asText(),
              limit.getKey());
        }
      }
    }
    assertTrue(
        tokenLimits
            .path("spec")
            .path("limits")
            .path("enterprise-tokens")
            .path("counters")
            .isMissingNode());
  }

  @Test
  void modelListingIsNeverTokenLimitedButAllowedForEveryTier() throws CelFailure {
    for (Tier tier : platform.tiers()) {
      Map<String, Object> listing = request(tier.name(), "GET", "/v1/models");
      assertEquals(List.of(), matching(tokenLimits, listing), tier.name());
      assertTrue(authorized(listing), tier.name() + " may list models");
      assertTrue(
          authorized(request(tier.name(), "GET", "/v1/models?limit=5")),
          tier.name() + " may list models with a query");
      // A model's own listing is not a metered endpoint: the AuthPolicy refuses it.
      assertFalse(
          authorized(request(tier.name(), "GET", "/llm/granite-8b/v1/models")), tier.name());
      // The listing is still a request: a tier with request limits counts it once.
      assertEquals(
          tier.limits().requests().isEmpty() ? 0 : 1,
          matching(requestLimits, listing).size(),
          tier.name());
    }
  }

  @Test
  void freeCannotCallLlama() throws CelFailure {
    assertFalse(authorized(request("free", "POST", "/llm/llama-70b/v1/chat/completions")));
    assertTrue(authorized(request("premium", "POST", "/llm/llama-70b/v1/chat/completions")));
  }

  @Test
  void unknownPathsRevokedTokensAndForeignAudiencesAreDenied() throws CelFailure {
    assertFalse(authorized(request("enterprise", "POST", "/llm/unknown/v1/chat/completions")));
    assertFalse(
        authorized(request("enterprise", "POST", "/llm/granite-8b-evil/v1/chat/completions")));
    assertFalse(authorized(request("enterprise", "GET", "/")));
    assertFalse(authorized(request("enterprise", "DELETE", "/v1/models")));
    assertFalse(
        authorized(
            request(
                "enterprise", "POST", "/llm/granite-8b/v1/chat/completions", true, "maas:acme")));
    assertFalse(
        authorized(
            request(
                "enterprise", "POST", "/llm/granite-8b/v1/chat/completions", false, "maas:other")));
    assertTrue(
        authorized(
            request(
                "enterprise",
                "POST",
                "/llm/granite-8b/v1/chat/completions",
                false,
                List.of("x", "maas:acme"))));
    assertFalse(authorized(request("unknown-tier", "POST", "/llm/granite-8b/v1/chat/completions")));
  }

  @Test
  void authPolicyTrustsOnlyTheTokenServiceAndExposesTheIdentity() {
    JsonNode rules = auth.path("spec").path("rules");
    assertEquals(
        "http://acme-token-service.maas-system.svc.cluster.local:8080",
        rules.path("authentication").path("maas-tokens").path("jwt").path("issuerUrl").asText());
    JsonNode revocation = rules.path("metadata").path("revocation");
    assertEquals(
        "http://acme-token-service.maas-system.svc.cluster.local:8080/internal/v1/tokens/status",
        revocation.path("http").path("url").asText());
    assertTrue(revocation.path("cache").path("ttl").asInt() <= 60);
    JsonNode properties =
        rules
            .path("response")
            .path("success")
            .path("filters")
            .path("identity")
            .path("json")
            .path("properties");
    // An API key's user and tier are the service's answer about it; a JWT's are its claims.
    assertEquals(
        "has(auth.identity.maas_api_key) ? auth.metadata.apikey.user : auth.identity.sub",
        properties.path("userid").path("expression").asText());
    assertEquals(
        "(has(auth.identity.maas_api_key) ? auth.metadata.apikey.tier : auth.identity.tier)",
        properties.path("tier").path("expression").asText());
    JsonNode apiKey = rules.path("metadata").path("apikey");
    assertEquals(
        "http://acme-token-service.maas-system.svc.cluster.local:8080/internal/v1/api-keys/resolve",
        apiKey.path("http").path("url").asText());
    assertTrue(apiKey.path("cache").path("ttl").asInt() <= 60);
  }
}
