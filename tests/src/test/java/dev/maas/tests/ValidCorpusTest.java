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

/** Every spec in {@code corpus/valid/}, and the contract's reference spec, validates without any finding. */
class ValidCorpusTest {

  static Path corpus() {
    return Path.of(System.getProperty("maas.testsDir", ".")).resolve("corpus/valid").toAbsolutePath().normalize();
  }

  private static List<String> findings(Path spec) {
    SpecValidator.Outcome outcome = new SpecValidator().validate(spec, spec.getFileName().toString());
    if (!outcome.hasErrors()) {
      assertNotNull(outcome.platform(), "a valid spec binds to a platform");
    }
    return outcome.diagnostics().stream().map(Diagnostic::render).toList();
  }

  @TestFactory
  Stream<DynamicTest> everyValidSpecPasses() throws IOException {
    List<Path> specs;
    try (Stream<Path> files = Files.list(corpus())) {
      specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(specs.size() >= 5, "the valid corpus has only " + specs.size() + " specs");
    return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(),
        () -> assertEquals(List.of(), findings(spec))));
  }

  @Test
  void contractReferenceSpecPasses() {
    Path reference = PlatformSpecsTest.repoRoot().resolve("../shared/contract/example-platform.yaml").normalize();
    assertTrue(Files.isRegularFile(reference), "missing " + reference);
    assertEquals(List.of(), findings(reference));
  }
}
