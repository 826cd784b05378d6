package dev.maas.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Files are parsed once, when first asked for or all at once, and the trees are shared. */
class GeneratedTreeTest {

  private static GeneratedTree tree() {
    TreeMap<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i < 40; i++) {
      files.put(
          "base/configmap-" + i + ".yaml",
          ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" + i + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    files.put("base/broken.yaml", "a: [1, 2\n".getBytes(StandardCharsets.UTF_8));
    files.put("base/notes.txt", "kind: ConfigMap\n".getBytes(StandardCharsets.UTF_8));
    return new GeneratedTree(files);
  }

  @Test
  void parseAllParsesEveryYamlFileOnceAndNothingElse() {
    GeneratedTree tree = tree();
    assertFalse(tree.isParsed("base/configmap-7.yaml"));
    tree.parseAll();
    for (String path : tree.files().keySet()) {
      assertEquals(Layout.isYaml(path), tree.isParsed(path), path);
    }
    GeneratedTree.Parsed seven = tree.parsed("base/configmap-7.yaml");
    assertNull(seven.error());
    assertEquals("c7", seven.objects().get(0).path("metadata").path("name").asText());
    // The same trees as asked for one by one, and the same instance on every later ask.
    assertEquals(tree().parsed("base/configmap-7.yaml").documents(), seven.documents());
    assertSame(seven, tree.parsed("base/configmap-7.yaml"));
    assertNotNull(tree.parsed("base/broken.yaml").error());
    assertTrue(tree.parsed("base/notes.txt").documents().isEmpty());
  }
}
