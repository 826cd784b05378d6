package dev.maas.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference spec of the outside contract, as it is, passes validation. */
class ReferenceSpecTest {

  @Test
  void contractReferenceSpecIsValid() {
    Path reference =
        Path.of(System.getProperty("maas.repoRoot", ".."))
            .resolve("../shared/contract/example-platform.yaml");
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(reference, "example-platform.yaml");
    // Its free tier's 100 tokens per minute is below one typical response, and dev counts premium's
    // daily
    // quota in memory (prod, a production environment, keeps it on a disk).
    assertEquals(
        java.util.List.of(
            "example-platform.yaml:35:18: warning: /spec/tiers/0/limits/tokens/0: tier `free`"
                + " allows 100 tokens per 1m, less than one typical response (256 tokens): a caller gets about one answer per"
                + " window (raise the limit to at least 256, or set 0 to deny on purpose) [token-limit-below-response]",
            "example-platform.yaml:46:38: warning: /spec/tiers/1/limits/tokens/1/window: the 1d window is counted in"
                + " memory in environment `dev`: a Limitador restart resets its counters (users start a fresh 1d quota), and"
                + " while Limitador is down rate limiting fails open (set spec.limitador.storage.redis.secretName (or"
                + " storage.disk.size), or mark the environment `production: true`) [in-memory-long-windows]",
            // Its gated Llama and its S3 predictor name no download credentials.
            "example-platform.yaml:72:12: warning: /spec/models/1/uri: model `llama-70b` loads from Hugging Face"
                + " organisation `meta-llama`, whose repositories are gated, but names no credentials: the storage"
                + " initializer's download fails and the model never starts (add `credentials: {secretName: <Secret with"
                + " HF_TOKEN>}` (or `serviceAccountName`) to the model) [model-credentials]",
            "example-platform.yaml:79:12: warning: /spec/models/2/uri: model `mnist-classifier` loads from a private"
                + " object store (s3), but names no credentials: the storage initializer's download fails and the model never"
                + " starts (add `credentials: {secretName: <Secret with the storage keys>}` (or `serviceAccountName`) to the"
                + " model) [model-credentials]"),
        outcome.diagnostics().stream().map(d -> d.render()).toList());
    assertNotNull(outcome.platform());
    assertEquals("acme", outcome.platform().name());
    assertEquals(3, outcome.platform().tiers().size());
  }
}
