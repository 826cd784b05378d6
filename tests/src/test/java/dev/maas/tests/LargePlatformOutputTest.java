package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelFailure;
import dev.maas.check.OutputChecks;
import dev.maas.check.proof.PolicyProof;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A platform of a thousand models compiles to output that passes every check, policy proof
 * included, and whose CEL the gateway can load: no predicate exceeds the 100,000 code points CEL
 * accepts. One of two thousand spreads its tier-access tree over several policies.
 */
class LargePlatformOutputTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final int CEL_SIZE_LIMIT = 100_000;

  @Test
  void thousandModelsPassTheChecksWithEveryPredicateLoadable() throws IOException, CelFailure {
    SyntheticPlatform synthetic = SyntheticPlatform.of(1000, 20, 3);
    Platform platform = synthetic.platform();
    GeneratedTree tree = synthetic.tree();

    Path crds =
        Path.of(System.getProperty("maas.crds", "../../shared/crds")).toAbsolutePath().normalize();
    List<String> errors =
        new OutputChecks(crds)
            .check(platform, tree).stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::render)
                .limit(5)
                .toList();
    assertEquals(List.of(), errors);

    List<String> predicates = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      if (file.getKey().startsWith("base/") && file.getKey().endsWith(".yaml")) {
        collect(YAML.readTree(file.getValue()), predicates);
      }
    }
    CelEngine cel = CelEngine.withVariables("request", "auth");
    int longest = 0;
    for (String predicate : predicates) {
      assertTrue(
          predicate.codePointCount(0, predicate.length()) < CEL_SIZE_LIMIT,
          () -> predicate.substring(0, 200));
      cel.compile(predicate);
      longest = Math.max(longest, predicate.length());
    }
    assertTrue(
        predicates.size() > 100, "the policies' predicates were found: " + predicates.size());

    // Models that the same tiers may call share one alternative: the tree of a thousand models
    // whose tiers form a ladder fits the Gateway's policy.
    assertEquals(
        List.of("base/authpolicy-synth-gateway-auth.yaml"),
        tree.files().keySet().stream()
            .filter(f -> f.startsWith("base/authpolicy-synth-") && !f.contains("token-service"))
            .toList());
    assertTrue(
        YAML.readTree(tree.files().get("base/authpolicy-synth-gateway-auth.yaml"))
                .at("/spec/rules/authorization/tier-access/patternMatching/patterns/0/any")
                .size()
            > 1,
        "the Gateway's policy holds the tree");
  }

  @Test
  void twoThousandModelsSpreadTheTreeOverPoliciesOfTheModelsRoute() {
    SyntheticPlatform synthetic = SyntheticPlatform.of(2000, 20, 3);
    Platform platform = synthetic.platform();
    GeneratedTree tree = synthetic.tree();
    assertEquals(
        List.of(),
        new OutputChecks(null)
            .check(platform, tree).stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::render)
                .limit(5)
                .toList());

    // Too large for one object: the models route takes several AuthPolicies, each one range of the
    // tier-access tree, which Kuadrant merges.
    JsonNode gateway = read(tree, "base/authpolicy-synth-gateway-auth.yaml");
    assertTrue(
        gateway
            .at("/spec/rules/authorization/tier-access/patternMatching/patterns/0/predicate")
            .isTextual(),
        "the Gateway's policy admits the listing only");
    for (int i = 0; i < 2; i++) {
      JsonNode piece = read(tree, "base/authpolicy-synth-models-auth-" + i + ".yaml");
      assertEquals("synth-models", piece.at("/spec/targetRef/name").asText());
      assertEquals("merge", piece.at("/spec/defaults/strategy").asText());
      JsonNode any =
          piece.at(
              "/spec/defaults/rules/authorization/tier-access-"
                  + i
                  + "/patternMatching/patterns/0/any");
      assertTrue(any.size() > 1, "piece " + i + " holds part of the tree: " + any.size());
    }

    // The proof merges the pieces as Kuadrant does: without one, its range of models is open to
    // every tier, and the proof says so.
    SortedMap<String, byte[]> files = new TreeMap<>(tree.files());
    assertTrue(files.remove("base/authpolicy-synth-models-auth-1.yaml") != null);
    List<Diagnostic> findings =
        new PolicyProof().prove(platform, new GeneratedTree(files)).findings();
    assertTrue(
        findings.stream().anyMatch(d -> d.isError() && d.code().equals("proof.access")),
        () -> "a missing piece is found: " + findings.stream().limit(3).toList());
  }

  private static JsonNode read(GeneratedTree tree, String path) {
    byte[] bytes = tree.files().get(path);
    assertTrue(bytes != null, path + " is generated");
    try {
      return YAML.readTree(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every CEL predicate and expression below {@code node}. */
  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if ((field.getKey().equals("predicate") || field.getKey().equals("expression"))
                    && field.getValue().isTextual()) {
                  out.add(field.getValue().asText());
                } else {
                  collect(field.getValue(), out);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, out));
    }
  }
}
