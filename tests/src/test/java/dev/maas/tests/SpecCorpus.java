package dev.maas.tests;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A folder of spec files under {@code tests/corpus/}, each beside the files that say what
 * validating it prints ({@code <name>.expected}, {@code <name>.warnings}).
 */
public final class SpecCorpus {

  private SpecCorpus() {}

  /** The tests module's folder. */
  public static Path testsDir() {
    return Path.of(System.getProperty("maas.testsDir", ".")).toAbsolutePath().normalize();
  }

  /** The corpus folder {@code tests/corpus/<name>}. */
  public static Path folder(String name) {
    return testsDir().resolve("corpus").resolve(name);
  }

  /** The {@code *.yaml} specs of {@code folder}, in name order. */
  public static List<Path> specs(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The file beside {@code spec} with {@code extension} (say {@code .expected}) for its own. */
  public static Path sibling(Path spec, String extension) {
    return spec.resolveSibling(spec.getFileName().toString().replaceFirst("\\.ya?ml$", extension));
  }

  /** {@code spec} validated, its diagnostics naming it by its file name. */
  public static SpecValidator.Outcome validate(Path spec) {
    return new SpecValidator().validate(spec, spec.getFileName().toString());
  }

  /** The diagnostics of {@code outcome} as printed, then the total line. */
  public static List<String> printed(SpecValidator.Outcome outcome) {
    List<String> lines = new ArrayList<>();
    outcome.diagnostics().forEach(d -> lines.add(d.render()));
    long errors = outcome.diagnostics().stream().filter(Diagnostic::isError).count();
    lines.add(Diagnostics.total(errors, outcome.diagnostics().size() - errors));
    return lines;
  }

  /** One test for each of {@code specs}, named after its file. */
  public static Stream<DynamicTest> eachSpec(List<Path> specs, ThrowingConsumer<Path> check) {
    return specs.stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(spec.getFileName().toString(), () -> check.accept(spec)));
  }
}
