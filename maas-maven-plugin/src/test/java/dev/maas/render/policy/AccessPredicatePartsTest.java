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
 * A tier-access predicate too long for one CEL expression is cut into parts that Authorino ORs ({@code any}); the
 * parts, evaluated with CEL, decide every request exactly as the single predicate does.
 */
class AccessPredicatePartsTest {

  private static final CelEngine CEL = CelEngine.withVariables("request", "auth");

  private static Platform platform;

  @BeforeAll
  static void load() {
    Path root = Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
    SpecValidator.Outcome outcome = new SpecValidator().validate(root.resolve("platform-specs/acme.yaml"),
        "platform-specs/acme.yaml");
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    platform = outcome.platform();
  }

  @Test
  void aPlatformThatFitsKeepsOnePredicate() {
    JsonNode rule = tierAccess(new AuthPolicyGenerator());
    JsonNode patterns = rule.path("patternMatching").path("patterns");
    assertEquals(1, patterns.size());
    assertEquals(AuthPolicyGenerator.accessPredicate(platform), patterns.get(0).path("predicate").asText());
  }

  @Test
  void aSmallBudgetCutsThePredicateIntoPartsThatEachFit() {
    int budget = 200;
    List<String> parts = AuthPolicyGenerator.accessPredicates(platform, budget);
    assertTrue(parts.size() > 1, () -> "parts: " + parts);
    for (String part : parts) {
      // An alternative longer than the budget stands alone; every other part stays within it.
      assertTrue(part.length() <= budget || !part.contains("\n|| "), () -> part.length() + ": " + part);
    }
    assertEquals(AuthPolicyGenerator.accessPredicate(platform), String.join("\n|| ", parts),
        "the parts are the single predicate's alternatives, in order");

    JsonNode any = tierAccess(new AuthPolicyGenerator(budget)).path("patternMatching").path("patterns").get(0)
        .path("any");
    assertEquals(parts.size(), any.size());
    for (int i = 0; i < parts.size(); i++) {
      assertEquals(parts.get(i), any.get(i).path("predicate").asText());
    }
  }

  @Test
  void partsDecideEveryRequestLikeTheSinglePredicate() throws CelFailure {
    CelExpression whole = CEL.compile(AuthPolicyGenerator.accessPredicate(platform));
    List<CelExpression> parts = new ArrayList<>();
    for (String part : AuthPolicyGenerator.accessPredicates(platform, 120)) {
      parts.add(CEL.compile(part));
    }
    assertTrue(parts.size() >= 3, "the budget forces several parts");
    List<String> tiers = new ArrayList<>(platform.tiers().stream().map(Tier::name).toList());
    tiers.add("no-such-tier");
    List<String[]> requests = new ArrayList<>();
    for (Model model : platform.models()) {
      requests.add(new String[] {"POST", model.pathPrefix() + "/v1/chat/completions"});
      requests.add(new String[] {"GET", model.pathPrefix() + "/v1/models"});
      requests.add(new String[] {"POST", model.pathPrefix() + "x/v1/chat/completions"});
    }
    requests.add(new String[] {"GET", "/v1/models"});
    requests.add(new String[] {"POST", "/v1/models"});
    requests.add(new String[] {"GET", "/unknown/path"});
    int allowed = 0;
    int checked = 0;
    for (String tier : tiers) {
      for (String[] request : requests) {
        Map<String, Object> vars = Map.of("request", Map.of("method", request[0], "path", request[1]),
            "auth", Map.of("identity", Map.of("tier", tier)));
        boolean expected = whole.test(vars);
        boolean any = false;
        for (CelExpression part : parts) {
          any |= part.test(vars);
        }
        assertEquals(expected, any, () -> tier + " " + String.join(" ", request));
        allowed += expected ? 1 : 0;
        checked++;
      }
    }
    // Both outcomes occur, so the comparison could have failed either way.
    assertTrue(allowed > 0 && allowed < checked, allowed + " of " + checked);
  }

  private static JsonNode tierAccess(AuthPolicyGenerator generator) {
    List<KubeObject> objects = generator.generate(platform);
    assertEquals(1, objects.size());
    JsonNode rule = objects.get(0).body().path("spec").path("rules").path("authorization").path("tier-access");
    assertTrue(rule.isObject(), "a tier-access rule");
    return rule;
  }
}
