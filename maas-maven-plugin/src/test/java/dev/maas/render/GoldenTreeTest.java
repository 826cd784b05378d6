package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference spec compiles to exactly the files under {@code src/test/resources/golden/acme/},
 * and its {@code maas-crds} form ({@code src/test/resources/targets/acme-maas-crds.yaml}) to those
 * under {@code golden/acme-maas-crds/}. Run with {@code -Dmaas.updateGolden=true} to rewrite them
 * after a deliberate change, then review the diff.
 */
class GoldenTreeTest {

  private static Path goldenDir() {
    return goldenDir("acme");
  }

  private static Path goldenDir(String name) {
    return Fixtures.repoRoot().resolve("maas-maven-plugin/src/test/resources/golden/" + name);
  }

  private static void rewrite(GeneratedTree tree) throws IOException {
    rewrite(goldenDir(), tree);
  }

  private static void rewrite(Path dir, GeneratedTree tree) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  @Test
  void referenceSpecMatchesGoldenFiles() throws IOException {
    GeneratedTree tree = Fixtures.render(Fixtures.acme());
    if (Boolean.getBoolean("maas.updateGolden")) {
      rewrite(tree);
    }
    matches(goldenDir(), tree);
  }

  @Test
  void maasCrdsTargetMatchesGoldenFiles() throws IOException {
    GeneratedTree tree = Fixtures.render(Fixtures.acmeForMaasCrds());
    if (Boolean.getBoolean("maas.updateGolden")) {
      rewrite(goldenDir("acme-maas-crds"), tree);
    }
    matches(goldenDir("acme-maas-crds"), tree);
  }

  private static void matches(Path dir, GeneratedTree tree) throws IOException {
    Map<String, byte[]> golden = TreeWriter.read(dir);
    assertEquals(
        golden.keySet(),
        tree.files().keySet(),
        "the set of generated files differs from the goldens");
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    golden.forEach((path, bytes) -> expected.put(path, new String(bytes, StandardCharsets.UTF_8)));
    tree.files()
        .forEach((path, bytes) -> actual.put(path, new String(bytes, StandardCharsets.UTF_8)));
    for (String path : expected.keySet()) {
      assertEquals(
          expected.get(path),
          actual.get(path),
          path + " differs from its golden file (-Dmaas.updateGolden=true rewrites them)");
    }
  }
}
