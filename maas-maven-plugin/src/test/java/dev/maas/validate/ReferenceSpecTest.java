package dev.maas.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference spec of the outside contract, as it is, passes validation. */
class ReferenceSpecTest {

  @Test
  void contractReferenceSpecIsValid() {
    Path reference = Path.of(System.getProperty("maas.repoRoot", "..")).resolve("../shared/contract/example-platform.yaml");
    SpecValidator.Outcome outcome = new SpecValidator().validate(reference, "example-platform.yaml");
    assertEquals(java.util.List.of(), outcome.diagnostics().stream().map(d -> d.render()).toList());
    assertNotNull(outcome.platform());
    assertEquals("acme", outcome.platform().name());
    assertEquals(3, outcome.platform().tiers().size());
  }
}
