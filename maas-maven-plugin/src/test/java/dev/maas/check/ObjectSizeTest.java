package dev.maas.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.output.GeneratedTree;
import dev.maas.validate.Rendered;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Objects the API server would refuse for their size are errors, located at their file, with or
 * without CRDs.
 */
class ObjectSizeTest {

  private static List<String> sizeFindings(String path, String yaml) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    files.put(path, yaml.getBytes(StandardCharsets.UTF_8));
    return new OutputChecks(null)
        .structural(new GeneratedTree(files)).stream()
            .filter(d -> d.code().equals("output.size"))
            .map(Rendered::withoutCode)
            .toList();
  }

  private static String configMap(int valueBytes) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  namespace: ns\ndata:\n  config.json: \""
        + "x".repeat(valueBytes)
        + "\"\n";
  }

  @Test
  void configMapDataUpToOneMebibyteIsAccepted() {
    // The key counts too: "config.json" is 11 bytes.
    assertEquals(List.of(), sizeFindings("base/configmap-big.yaml", configMap(1024 * 1024 - 11)));
  }

  @Test
  void configMapDataOverOneMebibyteIsAnError() {
    assertEquals(
        List.of(
            "base/configmap-big.yaml: error: ConfigMap big holds 1048577 bytes of data; Kubernetes"
                + " accepts at most 1048576 (a platform this large needs fewer models or tiers per platform: split it into"
                + " several specs)"),
        sizeFindings("base/configmap-big.yaml", configMap(1024 * 1024 - 10)));
  }

  @Test
  void anObjectLargerThanEtcdStoresIsAnError() {
    String policy =
        "apiVersion: kuadrant.io/v1\nkind: AuthPolicy\nmetadata:\n  name: huge\n  namespace: ns\nspec:\n"
            + "  rules:\n    authorization:\n      tier-access:\n        patternMatching:\n          patterns:\n"
            + "          - predicate: \""
            + "a".repeat(1600 * 1024)
            + "\"\n";
    List<String> found = sizeFindings("base/authpolicy-huge.yaml", policy);
    assertEquals(1, found.size(), found::toString);
    assertTrue(
        found.get(0).startsWith("base/authpolicy-huge.yaml: error: AuthPolicy huge is 16"),
        found.get(0));
    assertTrue(
        found.get(0).contains("bytes as JSON; etcd stores at most 1572864 per object by default"),
        found.get(0));
  }

  /** A piece of a route's tier-access rule, with a predicate of {@code bytes} characters. */
  private static String piece(int index, int bytes) {
    return "apiVersion: kuadrant.io/v1\nkind: AuthPolicy\nmetadata:\n  name: p-"
        + index
        + "\n  namespace: ns\nspec:\n  targetRef:\n    group: gateway.networking.k8s.io\n"
        + "    kind: HTTPRoute\n    name: models\n  defaults:\n    strategy: merge\n    rules:\n"
        + "      authorization:\n        tier-access-"
        + index
        + ":\n          patternMatching:\n            patterns:\n            - predicate: \""
        + "a".repeat(bytes)
        + "\"\n";
  }

  private static List<String> piecesFindings(int pieces, int bytes) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i < pieces; i++) {
      files.put(
          "base/authpolicy-p-" + i + ".yaml", piece(i, bytes).getBytes(StandardCharsets.UTF_8));
    }
    return new OutputChecks(null)
        .structural(new GeneratedTree(files)).stream()
            .filter(d -> d.code().equals("output.size"))
            .map(Rendered::withoutCode)
            .toList();
  }

  @Test
  void piecesThatKuadrantMergesOverWhatEtcdStoresAreAnError() {
    // Each piece is well under the limit; the AuthConfig of each rule of the route holds all three.
    List<String> found = piecesFindings(3, 600 * 1024);
    assertEquals(1, found.size(), found::toString);
    assertTrue(
        found
            .get(0)
            .startsWith(
                "base/authpolicy-p-0.yaml: error: the AuthConfig Kuadrant makes for each rule of"
                    + " HTTPRoute ns/models merges the rules of 3 AuthPolicies (base/authpolicy-p-0.yaml,"
                    + " base/authpolicy-p-1.yaml, base/authpolicy-p-2.yaml), 18"),
        found.get(0));
    assertTrue(
        found.get(0).contains("bytes as JSON; etcd stores at most 1572864 per object by default"),
        found.get(0));
  }

  @Test
  void piecesThatKuadrantMergesWithinWhatEtcdStoresAreAccepted() {
    assertEquals(List.of(), piecesFindings(3, 400 * 1024));
  }

  @Test
  void aSecretCountsItsDecodedBytes() {
    // 900 KiB of data is 1.2 MB of base64 text: within the limit, which counts decoded bytes.
    String encoded = java.util.Base64.getEncoder().encodeToString(new byte[900 * 1024]);
    String secret =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: ns\ndata:\n  blob: "
            + encoded
            + "\n";
    assertEquals(List.of(), sizeFindings("base/secret-s.yaml", secret));
    String larger = java.util.Base64.getEncoder().encodeToString(new byte[1024 * 1024]);
    assertEquals(1, sizeFindings("base/secret-s.yaml", secret.replace(encoded, larger)).size());
  }
}
