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
    // Its free tier's 100 tokens per minute is below one typical response: the one lint warning it gets.
    assertEquals(java.util.List.of("example-platform.yaml:35:18: warning: /spec/tiers/0/limits/tokens/0: tier `free`"
        + " allows 100 tokens per 1m, less than one typical response (256 tokens): a caller gets about one answer per"
        + " window (raise the limit to at least 256, or set 0 to deny on purpose)"),
        outcome.diagnostics().stream().map(d -> d.render()).toList());
    assertNotNull(outcome.platform());
    assertEquals("acme", outcome.platform().name());
    assertEquals(3, outcome.platform().tiers().size());
  }
}
