package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
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
    List<Path> specs = SpecCorpus.specs(repoRoot().resolve("platform-specs"));
    assertFalse(specs.isEmpty(), "platform-specs/ holds no spec");
    return SpecCorpus.eachSpec(
        specs,
        spec ->
            assertEquals(
                ValidCorpusTest.expectedWarnings(
                    SpecCorpus.folder("platform-specs").resolve(spec.getFileName())),
                SpecCorpus.validate(spec).diagnostics().stream().map(d -> d.render()).toList()));
  }
}
