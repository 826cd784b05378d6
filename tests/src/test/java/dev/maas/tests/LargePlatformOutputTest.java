package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelFailure;
import dev.maas.check.OutputChecks;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A platform of a thousand models compiles to output that passes every check, policy proof
 * included, and whose CEL the gateway can load: no predicate exceeds the 100,000 code points CEL
 * accepts.
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

    JsonNode auth = YAML.readTree(tree.files().get("base/authpolicy-synth-gateway-auth.yaml"));
    JsonNode any = auth.at("/spec/rules/authorization/tier-access/patternMatching/patterns/0/any");
    assertTrue(
        any.size() > 1,
        "the tier-access predicate of 1,000 models is cut into parts: " + any.size());
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
