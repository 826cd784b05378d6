package dev.maas.check.proof;

import static dev.maas.check.proof.Reference.AUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Layout;
import dev.maas.testing.BoundSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Predicates compiled ahead of the proof change nothing it finds: it takes an outcome only for the
 * very text it reads, and compiles a text that differs.
 */
class CelAheadTest {

  private static final Platform platform = BoundSpecs.acme();
  private static final GeneratedTree golden = Reference.golden();

  private static final String FREE_ON_LLAMA_FROM =
      "auth.identity.tier) in [\"enterprise\", \"premium\"])";
  private static final String FREE_ON_LLAMA_TO =
      "auth.identity.tier) in [\"enterprise\", \"free\", \"premium\"])";

  /** The objects of {@code tree}'s base folder, as a generator hands them over. */
  private static List<JsonNode> objects(GeneratedTree tree) {
    List<JsonNode> objects = new ArrayList<>();
    for (String path : tree.files().keySet()) {
      if (Layout.inBase(path)) {
        objects.addAll(tree.parsed(path).objects());
      }
    }
    return objects;
  }

  private static List<String> messages(PolicyProof.Result result) {
    return result.findings().stream().map(Diagnostic::message).toList();
  }

  @Test
  void everyPredicateOfThePoliciesIsCompiledAheadAndTheProofFindsTheSame() {
    CelAhead ahead = CelAhead.start(objects(golden));
    Map<String, dev.maas.cel.CelEngine.Outcome> outcomes = ahead.finish();
    // Every predicate of the gateway AuthPolicy, the tier-access one included, compiled.
    List<String> predicates = new ArrayList<>();
    for (JsonNode policy : golden.parsed(AUTH).objects()) {
      policy.findValues("predicate").forEach(p -> predicates.add(p.asText()));
    }
    assertTrue(predicates.size() > 5, "predicates: " + predicates);
    for (String predicate : predicates) {
      CelAheadTest.assertCompiled(outcomes, predicate);
    }

    PolicyProof.Result plain = new PolicyProof().prove(platform, golden);
    PolicyProof.Result taken =
        new PolicyProof(CelAhead.start(objects(golden))).prove(platform, golden);
    assertEquals(List.of(), messages(taken));
    assertEquals(plain.requestsChecked(), taken.requestsChecked());
    assertEquals(plain.counters(), taken.counters());
    for (String tier : plain.matrix().tiers()) {
      for (String model : plain.matrix().models()) {
        assertEquals(
            plain.matrix().cell(tier, model).text(), taken.matrix().cell(tier, model).text());
      }
    }
  }

  private static void assertCompiled(
      Map<String, dev.maas.cel.CelEngine.Outcome> outcomes, String predicate) {
    dev.maas.cel.CelEngine.Outcome outcome = outcomes.get(predicate);
    assertNotNull(outcome, "not compiled ahead: " + predicate);
    assertNotNull(outcome.expression(), "does not compile: " + predicate);
  }

  @Test
  void aPredicateWrittenOtherwiseThanCompiledAheadIsProvenAsWritten() {
    GeneratedTree widened = Reference.edit(golden, AUTH, FREE_ON_LLAMA_FROM, FREE_ON_LLAMA_TO);
    // Compiled ahead from the objects as generated; the tree then holds a widened predicate.
    PolicyProof.Result result =
        new PolicyProof(CelAhead.start(objects(golden))).prove(platform, widened);
    assertEquals(
        List.of(
            "policy proof: tier `free` reaches model `llama-70b`"
                + " (POST /llm/llama-70b/v1/chat/completions): the spec does not let the tier call"
                + " it, but AuthPolicy maas-system/acme-gateway-auth lets it through"),
        messages(result));
    // And the other way round: compiled ahead from the widened objects, the tree as generated.
    assertEquals(
        List.of(),
        messages(new PolicyProof(CelAhead.start(objects(widened))).prove(platform, golden)));
  }

  @Test
  void objectsWithoutPoliciesCompileNothingAhead() {
    List<JsonNode> routes = new ArrayList<>();
    for (JsonNode object : objects(golden)) {
      if (object.path("kind").asText().equals("HTTPRoute")) {
        routes.add(object);
      }
    }
    assertTrue(!routes.isEmpty());
    assertEquals(Map.of(), CelAhead.start(routes).finish());
  }
}
