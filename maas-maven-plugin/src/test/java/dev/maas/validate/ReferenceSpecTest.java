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
    // Its free tier's 100 tokens per minute is below one typical response, and dev counts premium's daily
    // quota in memory (prod, a production environment, keeps it on a disk): its two lint warnings.
    assertEquals(java.util.List.of("example-platform.yaml:35:18: warning: /spec/tiers/0/limits/tokens/0: tier `free`"
        + " allows 100 tokens per 1m, less than one typical response (256 tokens): a caller gets about one answer per"
        + " window (raise the limit to at least 256, or set 0 to deny on purpose)",
        "example-platform.yaml:46:38: warning: /spec/tiers/1/limits/tokens/1/window: the 1d window is counted in"
        + " memory in environment `dev`: a Limitador restart resets its counters (users start a fresh 1d quota), and"
        + " while Limitador is down rate limiting fails open (set spec.limitador.storage.redis.secretName (or"
        + " storage.disk.size), or mark the environment `production: true`)"),
        outcome.diagnostics().stream().map(d -> d.render()).toList());
    assertNotNull(outcome.platform());
    assertEquals("acme", outcome.platform().name());
    assertEquals(3, outcome.platform().tiers().size());
  }
}
