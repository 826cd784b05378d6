package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.check.ownership.SharedObjectsCheck;
import dev.maas.diag.Diagnostic;
import dev.maas.output.GeneratedTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 40 models × 6 tiers × 2 environments: no object is managed by two Applications on one
 * destination, and the output as it was before environments had destinations of their own (both on
 * one server) is caught.
 */
class EnvironmentDestinationsAtScaleTest {

  @Test
  void noObjectIsManagedTwiceOnOneDestination() {
    SyntheticPlatform synthetic = SyntheticPlatform.of(40, 6, 2);
    String gitPath = synthetic.platform().gitops().path();
    GeneratedTree tree = synthetic.tree();
    SharedObjectsCheck check = new SharedObjectsCheck();
    assertEquals(List.of(), check.check(tree, gitPath));
    int objects = countObjects(tree);
    // At least one object per model, besides the platform's own.
    assertTrue(objects > 40, "objects per overlay: " + objects);

    // Both Applications on the cluster Argo CD runs in, as the output used to be.
    TreeMap<String, byte[]> files = new TreeMap<>(tree.files());
    for (String env : List.of("env-0", "env-1")) {
      String path = "argocd/application-synth-" + env + ".yaml";
      String text = tree.text(path);
      assertTrue(text.contains("    name: " + env + "\n"), text);
      files.put(
          path,
          text.replace("    name: " + env + "\n", "    server: https://kubernetes.default.svc\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    List<Diagnostic> found = check.check(new GeneratedTree(files), gitPath);
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found.get(0).message().contains("both manage " + objects + " object(s) on server"),
        found.get(0).message());
  }

  private static int countObjects(GeneratedTree tree) {
    return (int)
        tree.files().keySet().stream()
            .filter(p -> p.startsWith("base/") && !p.endsWith("kustomization.yaml"))
            .count();
  }
}
