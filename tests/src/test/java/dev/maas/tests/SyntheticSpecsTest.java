package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.maas.model.Platform;
import dev.maas.tests.synthetic.SyntheticSpecs;
import dev.maas.validate.SpecValidator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Synthetic specs are valid by construction at every size the benchmarks use. */
class SyntheticSpecsTest {

  @ParameterizedTest
  @CsvSource({"1, 1, 1", "5, 3, 2", "100, 20, 3", "1000, 20, 3"})
  void syntheticSpecIsValid(int models, int tiers, int environments) {
    SpecValidator.Outcome outcome =
        new SpecValidator()
            .validate(SyntheticSpecs.bytes(models, tiers, environments), "synth.yaml");
    // Per-model token limits are arithmetic, not a designed ladder: a higher tier's may undercut a
    // lower tier's,
    // which the lint rule rightly reports. Nothing else may be found.
    assertEquals(
        List.of(),
        outcome.diagnostics().stream()
            .filter(d -> !d.code().equals("higher-tier-lower-limit"))
            .map(d -> d.render())
            .toList());
    Platform platform = outcome.platform();
    assertNotNull(platform);
    assertEquals(models, platform.models().size());
    assertEquals(tiers, platform.tiers().size());
    assertEquals(environments, platform.environments().size());
  }
}
