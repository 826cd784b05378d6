package dev.maas.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.DiagnosticCode;
import dev.maas.diag.Severity;
import dev.maas.validate.DiagnosticCatalogue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed docs/diagnostics.md is exactly what the catalogue and the corpus render to; run
 * with {@code -Dmaas.updateDocs=true} to rewrite it after a code or a corpus case changed.
 */
class DiagnosticsDocTest {

  /**
   * Error codes no spec file of the corpus can show (an unreadable file, one over 16 MiB, a line
   * over 64 KiB).
   */
  private static final Set<String> NOT_IN_ONE_FILE =
      Set.of("yaml.io", "yaml.tooLarge", "yaml.lineTooLong");

  private static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  private static String rendered() {
    return new DiagnosticsReference(
            DiagnosticCatalogue.sections(), DiagnosticsReference.examples(repoRoot()))
        .render();
  }

  @Test
  void committedPageMatchesTheCatalogue() throws IOException {
    GeneratedPage.assertCommitted(
        repoRoot().resolve("docs/diagnostics.md"), rendered(), DiagnosticsReference.REGENERATE);
  }

  @Test
  void everyCodeHasASectionAndEveryErrorOfValidationAnExample() {
    String rendered = rendered();
    for (DiagnosticCode code : DiagnosticCatalogue.get().all()) {
      assertTrue(
          rendered.contains("\n## `" + code.code() + "`\n"), "no section for " + code.code());
      assertTrue(
          rendered.contains("](#" + code.anchor() + ")"),
          "the contents do not link to " + code.code());
    }
    Map<String, DiagnosticsReference.Example> examples = DiagnosticsReference.examples(repoRoot());
    Set<String> missing = new TreeSet<>();
    for (DiagnosticCode code : DiagnosticCatalogue.validation()) {
      if (!examples.containsKey(code.code()) && !NOT_IN_ONE_FILE.contains(code.code())) {
        missing.add(code.code());
      }
      if (code.severity() == Severity.ERROR && examples.containsKey(code.code())) {
        assertTrue(
            examples.get(code.code()).spec().startsWith("tests/corpus/invalid/"),
            code.code() + " takes its example from " + examples.get(code.code()).spec());
      }
    }
    assertEquals(Set.of(), missing, "codes of validation without an example in the corpus");
  }

  @Test
  void anExampleShowsTheSpecLineAndThePrintedLine() {
    DiagnosticsReference.Example example =
        DiagnosticsReference.examples(repoRoot()).get("unique-tier-names");
    assertTrue(example.printed().endsWith(" [unique-tier-names]"), example.printed());
    assertTrue(example.source().contains("name:"), example.source());
    assertTrue(
        example
            .printed()
            .startsWith(Path.of(example.spec()).getFileName() + ":" + example.line() + ":"),
        example.toString());
  }
}
