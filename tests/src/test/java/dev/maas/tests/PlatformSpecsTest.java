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

/** Every spec in platform-specs/ is valid, with no warning either. */
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
    return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
      SpecValidator.Outcome outcome = new SpecValidator().validate(spec, spec.getFileName().toString());
      assertEquals(List.of(), outcome.diagnostics().stream().map(d -> d.render()).toList());
    }));
  }
}
