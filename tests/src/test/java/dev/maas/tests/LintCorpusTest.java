package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import dev.maas.validate.SpecValidator;
import dev.maas.validate.lint.LintRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each spec in {@code corpus/lint/} is valid but holds one likely mistake; validating it prints
 * exactly the lines of its {@code .expected} file: warnings only, then the total. The spec still
 * binds to a platform.
 */
class LintCorpusTest {

  static Path corpus() {
    return Path.of(System.getProperty("maas.testsDir", "."))
        .resolve("corpus/lint")
        .toAbsolutePath()
        .normalize();
  }

  @TestFactory
  Stream<DynamicTest> everyLintSpecPrintsItsExpectedWarnings() throws IOException {
    List<Path> specs;
    try (Stream<Path> files = Files.list(corpus())) {
      specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(specs.size() >= 5, "the lint corpus has only " + specs.size() + " specs");
    return specs.stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(
                    spec.getFileName().toString(),
                    () -> {
                      Path expected =
                          spec.resolveSibling(
                              spec.getFileName().toString().replaceFirst("\\.yaml$", ".expected"));
                      SpecValidator.Outcome outcome =
                          new SpecValidator().validate(spec, spec.getFileName().toString());
                      assertEquals(
                          Files.readAllLines(expected, StandardCharsets.UTF_8),
                          InvalidCorpusTest.printed(outcome));
                      assertFalse(outcome.hasErrors(), "a lint finding is never an error");
                      assertNotNull(outcome.platform(), "a spec with warnings only still binds");
                      assertTrue(
                          outcome.diagnostics().stream()
                              .map(Diagnostic::code)
                              .allMatch(LintRules::isLint));
                    }));
  }
}
