package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec in {@code corpus/valid/}, and the contract's reference spec, validates without an
 * error; the only findings are the lint warnings its {@code <name>.warnings} file lists, line for
 * line (none without the file).
 */
class ValidCorpusTest {

  /** The warnings {@code spec} is known to give: the lines of {@code <spec>.warnings}, or none. */
  static List<String> expectedWarnings(Path spec) throws IOException {
    Path file = SpecCorpus.sibling(spec, ".warnings");
    return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
  }

  private static List<String> findings(Path spec) {
    SpecValidator.Outcome outcome = SpecCorpus.validate(spec);
    if (!outcome.hasErrors()) {
      assertNotNull(outcome.platform(), "a valid spec binds to a platform");
    }
    return outcome.diagnostics().stream().map(Diagnostic::render).toList();
  }

  @TestFactory
  Stream<DynamicTest> everyValidSpecPasses() throws IOException {
    List<Path> specs = SpecCorpus.specs(SpecCorpus.folder("valid"));
    assertTrue(specs.size() >= 5, "the valid corpus has only " + specs.size() + " specs");
    return SpecCorpus.eachSpec(specs, spec -> assertEquals(expectedWarnings(spec), findings(spec)));
  }

  @Test
  void contractReferenceSpecPasses() throws IOException {
    Path reference =
        PlatformSpecsTest.repoRoot()
            .resolve("../shared/contract/example-platform.yaml")
            .normalize();
    assertTrue(Files.isRegularFile(reference), "missing " + reference);
    assertEquals(
        expectedWarnings(SpecCorpus.folder("platform-specs").resolve("example-platform.yaml")),
        findings(reference));
  }
}
