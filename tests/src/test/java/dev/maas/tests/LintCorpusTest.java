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

  @TestFactory
  Stream<DynamicTest> everyLintSpecPrintsItsExpectedWarnings() throws IOException {
    List<Path> specs = SpecCorpus.specs(SpecCorpus.folder("lint"));
    assertTrue(specs.size() >= 5, "the lint corpus has only " + specs.size() + " specs");
    return SpecCorpus.eachSpec(
        specs,
        spec -> {
          SpecValidator.Outcome outcome = SpecCorpus.validate(spec);
          assertEquals(
              Files.readAllLines(SpecCorpus.sibling(spec, ".expected"), StandardCharsets.UTF_8),
              SpecCorpus.printed(outcome));
          assertFalse(outcome.hasErrors(), "a lint finding is never an error");
          assertNotNull(outcome.platform(), "a spec with warnings only still binds");
          assertTrue(
              outcome.diagnostics().stream().map(Diagnostic::code).allMatch(LintRules::isLint));
        });
  }
}
