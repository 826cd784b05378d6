package dev.maas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.check.CrdCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generate keeps the parsed CRDs beside its output, and a spec in error leaves the output folder as
 * it was, store included. Each test reads its own copy of the CRD folder, which no other test has
 * loaded in this JVM.
 */
class CrdStoreUseTest {

  private static final Path REPO = Path.of(System.getProperty("maas.repoRoot", ".."));
  private static final Path CRDS = Path.of(System.getProperty("maas.crds", "../../shared/crds"));

  @TempDir Path dir;

  @Test
  void aGeneratedPlatformLeavesTheParsedCrdsInTheStore() throws IOException {
    Path spec = copy(REPO.resolve("platform-specs/acme.yaml"), dir.resolve("acme.yaml"));
    Path out = dir.resolve("out");
    GenerateResult result =
        new MaasCompiler()
            .generate(new GenerateRequest(dir, spec, out, crdsCopy(), null, "test", false));
    assertFalse(
        result.hasErrors(), () -> result.validation().diagnostics() + " " + result.checks());
    List<Path> stored = files(out.resolve(MaasCompiler.CRD_STORE));
    assertEquals(1, stored.size(), stored.toString());
    assertTrue(
        stored.get(0).getFileName().toString().matches("crds-[0-9a-f]{64}\\.json"),
        stored.toString());
  }

  @Test
  void aSpecInErrorWritesNothingNotEvenTheStore() throws IOException {
    Path spec = dir.resolve("acme.yaml");
    Files.writeString(
        spec,
        Files.readString(REPO.resolve("platform-specs/acme.yaml"))
            .replace("level: 0", "level: low"));
    Path out = dir.resolve("out");
    Path crds = crdsCopy();
    GenerateResult result =
        new MaasCompiler().generate(new GenerateRequest(dir, spec, out, crds, null, "test", false));
    assertTrue(result.hasErrors(), "the spec must be refused");
    // Had generate started reading the CRDs in the background, this would wait for it, store
    // included.
    CrdCatalog.cached(crds);
    assertEquals(List.of(), files(out));
  }

  private Path crdsCopy() throws IOException {
    Path copy = Files.createDirectories(dir.resolve("crds"));
    try (Stream<Path> crds = Files.list(CRDS)) {
      for (Path crd : crds.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(crd, copy.resolve(crd.getFileName()));
      }
    }
    return copy;
  }

  private static Path copy(Path from, Path to) throws IOException {
    return Files.copy(from, to);
  }

  private static List<Path> files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
