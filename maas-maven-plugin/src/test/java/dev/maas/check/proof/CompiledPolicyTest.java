package dev.maas.check.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelFailure;
import dev.maas.output.GeneratedTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's compiled form (pattern trees decided by the request once, {@code &&}/{@code ||}
 * chains decided operand by operand, limits admitted by the identity once, shared request
 * predicates remembered) gives the verdicts of a plain evaluation of every whole predicate, on
 * policies the rendered output never has: nested {@code any}/{@code all}, operands that fail,
 * operands that are not boolean, refusing patterns, predicates shared between limits.
 */
class CompiledPolicyTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final CelEngine CEL = CelEngine.withVariables("request", "auth");
  private static final String ISSUER = "http://issuer";

  private static final String AUTH =
      authPolicy(
          """
          authorization:
            known-tier:
              patternMatching:
                patterns:
                - predicate: auth.identity.tier != "platinum" && auth.identity.sub == "u"
            access:
              patternMatching:
                patterns:
                - any:
                  - predicate: request.method == "GET" && (request.path == "/v1/models" || request.path.startsWith("/v1/models?"))
                  - all:
                    - predicate: request.path >= "/a/" && request.path < "/b/"
                    - any:
                      - predicate: (request.path.startsWith("/a/m1/") && auth.identity.tier in ["gold", "silver"]) || (request.path.startsWith("/a/m2/") && auth.identity.tier == "gold")
                      - predicate: request.path.startsWith("/a/m3/") && auth.identity.missing == "x"
                      - predicate: request.path.startsWith("/a/m4/") || auth.identity.missing == "x"
                  - all:
                    - predicate: request.path.startsWith("/c/")
                    - predicate: auth.identity.tier != "bronze" && (request.method == "POST" || auth.identity.tier == "gold")
                  - predicate: request.path.startsWith("/d/") && (auth.identity.tier || true)
                  - predicate: request.path.startsWith("/e/") && auth.identity.tier.size() > 4 && [1, 2].exists(x, x == 2)
                  - all: []
                  - selector: auth.identity.tier
                - predicate: '!request.path.startsWith("/a/m5/") || auth.identity.tier == "silver"'
          response:
            success:
              filters:
                identity:
                  json:
                    properties:
                      userid: {expression: auth.identity.sub}
                      tier: {expression: auth.identity.tier}
          """);

  private static final String LIMITS =
      gatewayPolicy(
          "RateLimitPolicy",
          "gw-limits",
          """
          when:
          - predicate: '!request.path.startsWith("/c/x")'
          limits:
            gold:
              rates: [{limit: 5, window: 1m}]
              when:
              - predicate: auth.identity.tier == "gold"
              - predicate: '!request.path.endsWith("/models")'
              counters: [{expression: auth.identity.userid}]
            gold-a:
              rates: [{limit: 2, window: 1h}]
              when:
              - predicate: '!request.path.endsWith("/models")'
              - predicate: request.path.startsWith("/a/") && auth.identity.tier == "gold"
            silver:
              rates: [{limit: 3, window: 24h}]
              when:
              - predicate: auth.identity.tier in ["silver", "bronze"]
              - predicate: auth.identity.tier != "bronze"
              - predicate: '!request.path.endsWith("/models")'
            broken:
              rates: [{limit: 1, window: 1m}]
              when:
              - predicate: auth.identity.nothing == "x"
            everyone:
              rates: [{limit: 9, window: 1m}]
          """);

  /**
   * A gateway AuthPolicy that accepts the issuer's tokens, with {@code rules} (YAML under {@code
   * spec.rules}, after its authentication).
   */
  private static String authPolicy(String rules) {
    return gatewayPolicy(
        "AuthPolicy",
        "gw-auth",
        """
        rules:
          authentication:
            tokens: {jwt: {issuerUrl: "http://issuer"}}
        """
            + rules.indent(2));
  }

  /**
   * A Kuadrant policy of {@code kind} named {@code name} on Gateway {@code gw}, with {@code spec}
   * (YAML under {@code spec}, after its targetRef).
   */
  private static String gatewayPolicy(String kind, String name, String spec) {
    return """
        apiVersion: kuadrant.io/v1
        kind: %s
        metadata: {name: %s, namespace: gw}
        spec:
          targetRef: {kind: Gateway, name: gw}
        """
            .formatted(kind, name)
        + spec.indent(2);
  }

  @Test
  void compiledFormGivesThePlainVerdicts() throws Exception {
    GeneratedTree tree =
        GeneratedTree.ofText(
            Map.of("base/authpolicy.yaml", AUTH, "base/ratelimitpolicy.yaml", LIMITS));
    JsonNode auth = YAML.readTree(AUTH);
    JsonNode limits = YAML.readTree(LIMITS);
    PolicyEvaluator evaluator = new PolicyEvaluator(GatewayObjects.of(tree), ISSUER);
    List<String> paths =
        List.of(
            "/v1/models",
            "/v1/models?x=1",
            "/a/m1/v1/chat",
            "/a/m2/v1/chat",
            "/a/m3/v1/chat",
            "/a/m4/v1/chat",
            "/a/m5/v1/chat",
            "/a/zz/models",
            "/b/m1/v1",
            "/c/q",
            "/c/x/models",
            "/d/m",
            "/e/m",
            "/f/");
    int authorized = 0;
    int limited = 0;
    // Twice over, so the second round reads what the first remembered.
    for (int round = 0; round < 2; round++) {
      for (String tier : List.of("gold", "silver", "bronze", "platinum")) {
        for (String method : List.of("GET", "POST")) {
          for (String path : paths) {
            SyntheticRequest request = SyntheticRequest.withToken(method, path, tier, "u", "aud");
            Verdict verdict = evaluator.evaluate(request);
            Map<String, Object> identity = new LinkedHashMap<>(request.identity());
            identity.put("iss", ISSUER);
            Map<String, Object> vars = vars(request, identity);
            String where = method + " " + path + " as " + tier;
            boolean expected =
                patternsHold(
                        auth.at("/spec/rules/authorization/access/patternMatching/patterns"), vars)
                    && patternsHold(
                        auth.at("/spec/rules/authorization/known-tier/patternMatching/patterns"),
                        vars);
            assertEquals(expected, verdict.authorized(), where);
            Map<String, Object> limitVars = vars(request, Map.of("userid", "u", "tier", tier));
            assertEquals(
                matching(limits, limitVars),
                verdict.requestLimits().stream().map(LimitMatch::key).toList(),
                where);
            authorized += expected ? 1 : 0;
            limited += verdict.requestLimits().size();
          }
        }
      }
    }
    assertTrue(
        authorized > 10 && authorized < 200, "the cases mix access and refusal: " + authorized);
    assertTrue(limited > 10, "the cases match limits: " + limited);
  }

  /**
   * What the request alone decides of the patterns is remembered by the request attributes they
   * read: requests that differ only in one of them (the method, a header, the path under a range
   * test) get their own answer, in either order; a header no predicate reads shares one.
   */
  @Test
  void requestsThatDifferInAnAttributeThePatternsReadAreToldApart() {
    String policy =
        authPolicy(
            """
            authorization:
              access:
                patternMatching:
                  patterns:
                  - any:
                    - all:
                      - predicate: request.url_path >= "/m/a" && request.url_path < "/m/c"
                      - predicate: request.method == "POST" && request.headers.team == "red"
                    - predicate: request.url_path == "/m/z" && auth.identity.tier == "gold"
            """);
    PolicyEvaluator evaluator =
        new PolicyEvaluator(
            GatewayObjects.of(GeneratedTree.ofText(Map.of("base/authpolicy.yaml", policy))),
            ISSUER);
    record Case(String method, String path, Map<String, String> headers, boolean authorized) {}
    List<Case> cases =
        List.of(
            new Case("POST", "/m/b/v1", Map.of("team", "red"), true),
            new Case("GET", "/m/b/v1", Map.of("team", "red"), false),
            new Case("POST", "/m/b/v1", Map.of("team", "blue"), false),
            new Case("POST", "/m/b/v1", Map.of("team", "red", "x-other", "1"), true),
            new Case("POST", "/m/c", Map.of("team", "red"), false),
            new Case("POST", "/m/a", Map.of("team", "red"), true),
            new Case("POST", "/m/z", Map.of("team", "red"), true),
            new Case("POST", "/m/z", Map.of(), true));
    List<Case> reversed = new ArrayList<>(cases);
    Collections.reverse(reversed);
    for (List<Case> order : List.of(cases, reversed, cases)) {
      for (Case c : order) {
        SyntheticRequest token = SyntheticRequest.withToken(c.method(), c.path(), "gold", "u", "a");
        SyntheticRequest request =
            new SyntheticRequest(
                c.method(),
                c.path(),
                c.headers(),
                SyntheticRequest.Credential.MAAS_TOKEN,
                token.identity());
        assertEquals(c.authorized(), evaluator.evaluate(request).authorized(), c.toString());
      }
    }
    SyntheticRequest silver = SyntheticRequest.withToken("POST", "/m/z", "silver", "u", "a");
    assertEquals(false, evaluator.evaluate(silver).authorized(), "the identity still decides");
  }

  private static Map<String, Object> vars(SyntheticRequest request, Map<String, Object> identity) {
    Map<String, Object> vars = new LinkedHashMap<>(request.variables());
    vars.put("auth", Map.of("identity", identity));
    return vars;
  }

  /** The plain evaluation: every pattern, whole predicates, no memory. */
  private static boolean patternsHold(JsonNode patterns, Map<String, Object> vars) {
    for (JsonNode pattern : patterns) {
      if (!holds(pattern, vars)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(JsonNode pattern, Map<String, Object> vars) {
    if (pattern.has("predicate")) {
      return isTrue(pattern.path("predicate").asText(), vars);
    }
    if (pattern.path("any").isArray()) {
      for (JsonNode part : pattern.path("any")) {
        if (holds(part, vars)) {
          return true;
        }
      }
      return false;
    }
    return pattern.path("all").isArray()
        && !pattern.path("all").isEmpty()
        && patternsHold(pattern.path("all"), vars);
  }

  private static List<String> matching(JsonNode policy, Map<String, Object> vars) {
    List<String> keys = new ArrayList<>();
    for (JsonNode condition : policy.at("/spec/when")) {
      if (!isTrue(condition.path("predicate").asText(), vars)) {
        return keys;
      }
    }
    policy
        .at("/spec/limits")
        .fields()
        .forEachRemaining(
            limit -> {
              boolean all = true;
              for (JsonNode condition : limit.getValue().path("when")) {
                all &= isTrue(condition.path("predicate").asText(), vars);
              }
              if (all) {
                keys.add(limit.getKey());
              }
            });
    return keys;
  }

  private static boolean isTrue(String predicate, Map<String, Object> vars) {
    try {
      return Boolean.TRUE.equals(CEL.compile(predicate).evaluate(vars));
    } catch (CelFailure failure) {
      return false;
    }
  }
}
