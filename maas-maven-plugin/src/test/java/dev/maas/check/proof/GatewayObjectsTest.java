package dev.maas.check.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.output.GeneratedTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reading only some kinds finds every object of those kinds that reading everything finds, however
 * it is spelled.
 */
class GatewayObjectsTest {

  @Test
  void readingSomeKindsFindsWhatReadingAllFinds() {
    TreeMap<String, byte[]> files = new TreeMap<>();
    files.put(
        "base/plain.yaml",
        bytes(
            "kind: AuthPolicy\nmetadata: {name: a}\n---\nkind: ConfigMap\nmetadata: {name: c}\n"));
    files.put("base/escaped.yaml", bytes("kind: \"Auth\\x50olicy\"\nmetadata: {name: escaped}\n"));
    files.put(
        "base/wide.yaml",
        "kind: HTTPRoute\nmetadata: {name: wide}\n".getBytes(StandardCharsets.UTF_16));
    files.put("base/other.yaml", bytes("kind: ConfigMap\nmetadata: {name: other}\n"));
    files.put("overlays/x.yaml", bytes("kind: AuthPolicy\nmetadata: {name: outside}\n"));
    GeneratedTree tree = new GeneratedTree(files);
    Set<String> kinds = PolicyEvaluator.KINDS;
    GatewayObjects all = GatewayObjects.of(tree);
    GatewayObjects some = GatewayObjects.of(tree, kinds);
    for (String kind : List.of("AuthPolicy", "HTTPRoute", "RateLimitPolicy")) {
      assertEquals(names(all, kind), names(some, kind), kind);
    }
    assertEquals(List.of("a", "escaped"), names(some, "AuthPolicy"));
    assertEquals(List.of(), names(some, "ConfigMap"), "other kinds are left out");
    assertEquals(List.of("c", "other"), names(all, "ConfigMap"));
  }

  private static List<String> names(GatewayObjects objects, String kind) {
    return objects.ofKind(kind).stream().map(GatewayObjects.Located::name).sorted().toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
