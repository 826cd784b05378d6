package dev.maas.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.validate.SpecValidator;
import java.nio.file.Path;
import java.util.List;

/** Specs of the repository, validated and bound, for tests that start from a platform. */
public final class BoundSpecs {

  private BoundSpecs() {}

  /** The repository's root folder. */
  public static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  /** The reference spec {@code platform-specs/acme.yaml}. */
  public static Platform acme() {
    return file("platform-specs/acme.yaml");
  }

  /** The spec at {@code path} (relative to the repository's root), named so in diagnostics. */
  public static Platform file(String path) {
    return platform(new SpecValidator().validate(repoRoot().resolve(path), path));
  }

  /** The platform of {@code outcome}, which must hold no error (warnings may stand). */
  public static Platform platform(SpecValidator.Outcome outcome) {
    assertEquals(
        List.of(),
        outcome.diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(Diagnostic::render)
            .toList());
    assertNotNull(outcome.platform());
    return outcome.platform();
  }
}
