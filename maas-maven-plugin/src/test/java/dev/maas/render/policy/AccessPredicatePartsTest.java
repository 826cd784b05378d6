package dev.maas.render.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelExpression;
import dev.maas.cel.CelFailure;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.render.KubeObject;
import dev.maas.validate.SpecValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tier-access predicate too long for one CEL expression becomes a tree of range-guarded
 * predicates that Authorino combines ({@code any}, {@code all}); evaluated with CEL, the tree
 * decides every request as the single predicate does. Small sizes make the reference spec take the
 * shape a platform of thousands of models has.
 */
class AccessPredicatePartsTest {

  private static final CelEngine CEL = CelEngine.withVariables("request", "auth");

  private static Platform platform;

  /**
   * The reference spec with a model `granite` beside `granite-8b`: "/llm/granite-8b/" sorts before
   * "/llm/granite/".
   */
  private static Platform prefixed;

  @BeforeAll
  static void load() throws java.io.IOException {
    Path root = Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
    SpecValidator.Outcome outcome =
        new SpecValidator()
            .validate(root.resolve("platform-specs/acme.yaml"), "platform-specs/acme.yaml");
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    platform = outcome.platform();
    String acme = java.nio.file.Files.readString(root.resolve("platform-specs/acme.yaml"));
    String variant =
        once(
            once(
                acme,
                "    - name: llama-70b\n      namespace: llm\n",
                "    - name: granite\n      namespace: llm\n      serving: llm\n      uri: hf://ibm-granite/granite-3.1-2b\n\n"
                    + "    - name: llama-70b\n      namespace: llm\n"),
            "models: [granite-8b, llama-70b]",
            "models: [granite-8b, granite, llama-70b]");
    SpecValidator.Outcome other =
        new SpecValidator()
            .validate(variant.getBytes(java.nio.charset.StandardCharsets.UTF_8), "variant.yaml");
    assertNotNull(other.platform(), () -> other.diagnostics().toString());
    prefixed = other.platform();
  }

  private static String once(String text, String from, String to) {
    assertTrue(text.indexOf(from) >= 0 && text.indexOf(from) == text.lastIndexOf(from), from);
    return text.replace(from, to);
  }

  @Test
  void aPlatformThatFitsKeepsOnePredicate() {
    JsonNode patterns =
        tierAccess(new AuthPolicyGenerator()).path("patternMatching").path("patterns");
    assertEquals(1, patterns.size());
    assertEquals(
        AuthPolicyGenerator.accessPredicate(platform), patterns.get(0).path("predicate").asText());
  }

  @Test
  void modelsThatTheSameTiersMayCallShareOneAlternative() throws CelFailure {
    String predicate = AuthPolicyGenerator.accessPredicate(prefixed);
    // The listing; granite-8b (free, premium, enterprise); granite and llama-70b (premium,
    // enterprise); mnist-classifier (enterprise).
    List<String> alternatives = List.of(predicate.split("\n\\|\\| "));
    assertEquals(4, alternatives.size(), predicate);
    assertTrue(
        alternatives.get(2).contains("\"/llm/granite/v1/chat/completions\"")
            && alternatives.get(2).contains("\"/llm/llama-70b/v1/embeddings\"")
            && alternatives.get(2).endsWith("in [\"enterprise\", \"premium\"])"),
        alternatives.get(2));
    // Evaluated: every tier reaches exactly the models the spec gives it, on each metered path.
    CelExpression whole = CEL.compile(predicate);
    int allowed = 0;
    int checked = 0;
    for (Tier tier : prefixed.tiers()) {
      for (Model model : prefixed.models()) {
        for (String path : dev.maas.model.MeteredEndpoints.gatewayPaths(model)) {
          for (String method : List.of("POST", "GET")) {
            Map<String, Object> vars =
                Map.of(
                    "request",
                    Map.of("method", method, "path", path, "url_path", path),
                    "auth",
                    Map.of("identity", Map.of("tier", tier.name())));
            boolean expected = method.equals("POST") && tier.allows(model.name());
            assertEquals(expected, whole.test(vars), tier.name() + " " + method + " " + path);
            allowed += expected ? 1 : 0;
            checked++;
          }
        }
      }
    }
    assertTrue(allowed > 0 && allowed < checked, allowed + " of " + checked);
  }

  @Test
  void leavesAreSortedRunsOfModelsBehindTheirRange() {
    List<AuthPolicyGenerator.Leaf> leaves = new AuthPolicyGenerator(2000, 2, 32).leaves(platform);
    // Sorted by path: /llm/granite-8b, /llm/llama-70b | /vision/mnist-classifier.
    assertEquals(2, leaves.size());
    assertEquals(
        List.of("granite-8b", "llama-70b"),
        List.of(leaves.get(0).first().name(), leaves.get(0).last().name()));
    assertTrue(
        leaves
            .get(0)
            .predicate()
            .startsWith(
                "request.url_path >= \"/llm/granite-8b/\" && request.url_path < \"/llm/llama-70b0\"\n&& ("),
        leaves.get(0).predicate());
    assertEquals("mnist-classifier", leaves.get(1).first().name());
  }

  @Test
  void aTreeOfGroupsDecidesEveryRequestLikeTheSinglePredicate() throws CelFailure {
    // One model per leaf and two branches per node: the listing, then a group of two leaves and a
    // group of one.
    JsonNode patterns =
        tierAccess(new AuthPolicyGenerator(200, 1, 2)).path("patternMatching").path("patterns");
    assertEquals(1, patterns.size());
    JsonNode any = patterns.get(0).path("any");
    assertEquals(3, any.size(), any::toString);
    assertTrue(
        any.get(1)
            .path("all")
            .get(0)
            .path("predicate")
            .asText()
            .equals(
                "request.url_path >= \"/llm/granite-8b/\" && request.url_path < \"/llm/llama-70b0\""),
        any::toString);
    assertEquals(2, any.get(1).path("all").get(1).path("any").size());
    sameDecisions(platform, patterns.get(0));
  }

  @Test
  void flatLeavesDecideEveryRequestLikeTheSinglePredicate() throws CelFailure {
    JsonNode patterns =
        tierAccess(new AuthPolicyGenerator(200, 1, 32)).path("patternMatching").path("patterns");
    JsonNode any = patterns.get(0).path("any");
    assertEquals(4, any.size(), any::toString);
    sameDecisions(platform, patterns.get(0));
  }

  /**
   * Every tier (and an unknown one) on every model path and the paths around them gets the single
   * predicate's answer.
   */
  private static void sameDecisions(Platform platform, JsonNode pattern) throws CelFailure {
    sameDecisions(platform, vars -> holds(pattern, vars));
  }

  /** How Authorino decides a request's tier access, from its variables. */
  private interface Decider {
    boolean decide(Map<String, Object> vars) throws CelFailure;
  }

  private static void sameDecisions(Platform platform, Decider decider) throws CelFailure {
    CelExpression whole = CEL.compile(AuthPolicyGenerator.accessPredicate(platform));
    List<String> tiers = new ArrayList<>(platform.tiers().stream().map(Tier::name).toList());
    tiers.add("no-such-tier");
    List<String[]> requests = new ArrayList<>();
    for (Model model : platform.models()) {
      requests.add(new String[] {"POST", model.pathPrefix() + "/v1/chat/completions"});
      requests.add(new String[] {"GET", model.pathPrefix() + "/v1/models"});
      requests.add(new String[] {"POST", model.pathPrefix() + "x/v1/chat/completions"});
      requests.add(new String[] {"POST", model.pathPrefix()});
      requests.add(new String[] {"POST", model.pathPrefix() + "0/v1/chat/completions"});
      requests.add(new String[] {"POST", model.pathPrefix() + "/"});
    }
    // Paths between, before and after the models' ranges, and the listing.
    for (String path :
        List.of(
            "/",
            "/a",
            "/llm/h/v1/chat/completions",
            "/llm/",
            "/m",
            "/vision/",
            "/zzz/v1",
            "/llm/granite/v1/chat/completions",
            "/llm/granite-8b/v1/chat/completions",
            "/llm/granite-/x",
            "/v1/models",
            "/v1/models?limit=1")) {
      requests.add(new String[] {"GET", path});
      requests.add(new String[] {"POST", path});
    }
    int allowed = 0;
    int checked = 0;
    for (String tier : tiers) {
      for (String[] request : requests) {
        int query = request[1].indexOf('?');
        Map<String, Object> vars =
            Map.of(
                "request",
                Map.of(
                    "method",
                    request[0],
                    "path",
                    request[1],
                    "url_path",
                    query < 0 ? request[1] : request[1].substring(0, query)),
                "auth",
                Map.of("identity", Map.of("tier", tier)));
        boolean expected = whole.test(vars);
        assertEquals(expected, decider.decide(vars), () -> tier + " " + String.join(" ", request));
        allowed += expected ? 1 : 0;
        checked++;
      }
    }
    // Both outcomes occur, so the comparison could have failed either way.
    assertTrue(allowed > 0 && allowed < checked, allowed + " of " + checked);
  }

  /**
   * Authorino's reading of a pattern: a predicate, {@code any} of patterns or {@code all} of them.
   */
  private static boolean holds(JsonNode pattern, Map<String, Object> vars) throws CelFailure {
    if (pattern.has("predicate")) {
      return CEL.compile(pattern.path("predicate").asText()).test(vars);
    }
    String combinator = pattern.has("any") ? "any" : "all";
    assertTrue(
        pattern.path(combinator).isArray() && !pattern.path(combinator).isEmpty(),
        pattern::toString);
    for (JsonNode part : pattern.path(combinator)) {
      boolean holds = holds(part, vars);
      if (combinator.equals("any") && holds) {
        return true;
      }
      if (combinator.equals("all") && !holds) {
        return false;
      }
    }
    return combinator.equals("all");
  }

  @Test
  void aTreeTooLargeForOnePolicyIsSpreadOverPoliciesOfTheModelsRoute() throws CelFailure {
    for (Platform spec : List.of(platform, prefixed)) {
      // One model per leaf, and about one leaf per policy.
      List<KubeObject> objects = new AuthPolicyGenerator(200, 1, 2, 300).generate(spec);
      assertTrue(objects.size() >= 3, () -> objects.size() + " objects");
      JsonNode gateway = objects.get(0).body().path("spec");
      assertEquals("Gateway", gateway.path("targetRef").path("kind").asText());
      assertEquals(
          joinedListing(),
          gateway
              .at("/rules/authorization/tier-access/patternMatching/patterns/0/predicate")
              .asText());
      List<JsonNode> pieces = new ArrayList<>();
      for (KubeObject piece : objects.subList(1, objects.size())) {
        JsonNode body = piece.body().path("spec");
        assertEquals("HTTPRoute", body.path("targetRef").path("kind").asText());
        assertEquals(spec.name() + "-models", body.path("targetRef").path("name").asText());
        assertEquals("merge", body.path("defaults").path("strategy").asText());
        // Each alone authenticates: a piece Kuadrant has not merged yet opens nothing to strangers.
        assertTrue(body.at("/defaults/rules/authentication/maas-tokens/jwt").isObject());
        assertTrue(body.at("/defaults/rules/authorization/audience").isObject());
        pieces.add(body.path("defaults").path("rules").path("authorization"));
      }
      // Exactly one piece's rule applies to a request, and it decides as the single predicate.
      sameDecisions(
          spec,
          vars -> {
            Boolean decided = null;
            for (int i = 0; i < pieces.size(); i++) {
              JsonNode rule = pieces.get(i).path("tier-access-" + i);
              assertTrue(rule.isObject(), "piece " + i);
              if (holds(rule.path("when").get(0), vars)) {
                assertEquals(null, decided, "one piece per request");
                decided = holds(rule.path("patternMatching").path("patterns").get(0), vars);
              }
            }
            assertNotNull(decided, "a piece for every request");
            return decided;
          });
    }
  }

  private static String joinedListing() {
    return "(" + Predicates.isGatewayModelListing() + ")";
  }

  @Test
  void aModelWhoseNameStartsAnotherKeepsItsRange() throws CelFailure {
    for (int[] sizes : new int[][] {{1, 2}, {2, 2}, {2, 32}, {3, 2}}) {
      JsonNode patterns =
          tierAccess(new AuthPolicyGenerator(200, sizes[0], sizes[1]), prefixed)
              .path("patternMatching")
              .path("patterns");
      sameDecisions(prefixed, patterns.get(0));
    }
    List<AuthPolicyGenerator.Leaf> leaves = new AuthPolicyGenerator(2000, 2, 32).leaves(prefixed);
    assertEquals(
        List.of("granite-8b", "granite"),
        List.of(leaves.get(0).first().name(), leaves.get(0).last().name()));
  }

  private static JsonNode tierAccess(AuthPolicyGenerator generator) {
    return tierAccess(generator, platform);
  }

  private static JsonNode tierAccess(AuthPolicyGenerator generator, Platform platform) {
    List<KubeObject> objects = generator.generate(platform);
    assertEquals(1, objects.size());
    JsonNode rule =
        objects.get(0).body().path("spec").path("rules").path("authorization").path("tier-access");
    assertTrue(rule.isObject(), "a tier-access rule");
    return rule;
  }
}
