package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec in platform-specs/ is valid, and warns only where its {@code <name>.warnings} file
 * (beside the spec in {@code tests/corpus/platform-specs/}) says so, line for line: a new warning
 * fails until it is looked at.
 */
class PlatformSpecsTest {

  static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  @TestFactory
  Stream<DynamicTest> everyPlatformSpecIsValid() throws IOException {
    List<Path> specs;
    try (Stream<Path> list = Files.list(repoRoot().resolve("platform-specs"))) {
      specs = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(specs.isEmpty(), "platform-specs/ holds no spec");
    return specs.stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(
                    spec.getFileName().toString(),
                    () -> {
                      SpecValidator.Outcome outcome =
                          new SpecValidator().validate(spec, spec.getFileName().toString());
                      assertEquals(
                          ValidCorpusTest.expectedWarnings(
                              ValidCorpusTest.testsDir()
                                  .resolve("corpus/platform-specs")
                                  .resolve(spec.getFileName())),
                          outcome.diagnostics().stream().map(d -> d.render()).toList());
                    }));
  }
}
