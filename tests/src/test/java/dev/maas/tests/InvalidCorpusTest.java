package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.DiagnosticCode;
import dev.maas.diag.Severity;
import dev.maas.validate.DiagnosticCatalogue;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each spec in {@code corpus/invalid/} holds one defect; validating it prints exactly the lines of
 * its {@code .expected} file (the diagnostics as {@code Diagnostic.render()} gives them, then the
 * total).
 */
class InvalidCorpusTest {

  private static final Pattern NAME = Pattern.compile("[0-9]{2,3}-[a-z0-9-]+\\.yaml");

  static Path corpus() {
    return SpecCorpus.folder("invalid");
  }

  static List<Path> specs() throws IOException {
    return SpecCorpus.specs(corpus());
  }

  private static Path expectedFile(Path spec) {
    return SpecCorpus.sibling(spec, ".expected");
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidSpecPrintsItsExpectedDiagnostics() throws IOException {
    return SpecCorpus.eachSpec(
        specs(),
        spec -> {
          List<String> expected = Files.readAllLines(expectedFile(spec), StandardCharsets.UTF_8);
          SpecValidator.Outcome outcome = SpecCorpus.validate(spec);
          assertEquals(expected, SpecCorpus.printed(outcome));
          assertTrue(outcome.hasErrors(), "an invalid spec must fail with at least one error");
          assertEquals(null, outcome.platform(), "no platform is bound from an invalid spec");
        });
  }

  @Test
  void corpusIsLargeVariedAndConsistent() throws IOException {
    List<Path> specs = specs();
    assertTrue(specs.size() >= 40, "the corpus has only " + specs.size() + " specs");
    Set<String> codes = new TreeSet<>();
    Map<List<String>, String> seenFindings = new HashMap<>();
    for (Path spec : specs) {
      String name = spec.getFileName().toString();
      assertTrue(
          NAME.matcher(name).matches(),
          name + " is not named NN-short-name.yaml (two or three digits)");
      assertTrue(Files.isRegularFile(expectedFile(spec)), name + " has no .expected file");
      SpecValidator.Outcome outcome = SpecCorpus.validate(spec);
      outcome.diagnostics().forEach(d -> codes.add(d.code()));
      // Two files that differ only in name would test the same defect twice.
      List<String> findings =
          outcome.diagnostics().stream()
              .map(d -> d.code() + " " + d.pointer() + " " + d.message())
              .toList();
      String other = seenFindings.putIfAbsent(findings, name);
      assertEquals(null, other, name + " reports exactly what " + other + " reports");
    }
    try (Stream<Path> files = Files.list(corpus())) {
      files
          .filter(p -> p.toString().endsWith(".expected"))
          .forEach(
              expected ->
                  assertTrue(
                      Files.isRegularFile(
                          expected.resolveSibling(
                              expected.getFileName().toString().replace(".expected", ".yaml"))),
                      expected + " has no spec"));
    }
    assertTrue(codes.size() >= 30, "only " + codes.size() + " distinct codes: " + codes);
    assertTrue(codes.stream().anyMatch(c -> c.startsWith("yaml.")), "no YAML-level defect");
    assertTrue(codes.stream().anyMatch(c -> c.startsWith("schema.")), "no schema defect");
    assertTrue(
        dev.maas.validate.SemanticRules.all().stream().anyMatch(r -> codes.contains(r.code())),
        "no semantic defect");
  }

  /**
   * Error codes no spec file of the corpus can show: an unreadable file, a file over 16 MiB, a line
   * over 64 KiB. Tests of their own cover them (SpecReaderTest, HostileCorpusTest).
   */
  static final Set<String> NOT_IN_ONE_FILE = Set.of("yaml.io", "yaml.tooLarge", "yaml.lineTooLong");

  @Test
  void everyErrorCodeOfValidationIsCoveredByTheCorpus() throws IOException {
    Set<String> codes = new TreeSet<>();
    for (Path spec : specs()) {
      SpecCorpus.validate(spec).diagnostics().forEach(d -> codes.add(d.code()));
    }
    Set<String> uncovered = new TreeSet<>();
    for (DiagnosticCode code : DiagnosticCatalogue.validation()) {
      if (code.severity() == Severity.ERROR
          && !codes.contains(code.code())
          && !NOT_IN_ONE_FILE.contains(code.code())) {
        uncovered.add(code.code());
      }
    }
    assertEquals(Set.of(), uncovered, "no corpus spec triggers these error codes");
    for (dev.maas.validate.SemanticRule rule : dev.maas.validate.SemanticRules.all()) {
      assertTrue(codes.contains(rule.code()), "no corpus spec triggers " + rule.code());
    }
  }
}
