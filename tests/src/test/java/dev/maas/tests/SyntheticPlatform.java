package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import dev.maas.tests.synthetic.SyntheticSpecs;
import dev.maas.validate.SpecValidator;

/**
 * A generated spec of a given size, validated and compiled, as the tests at scale start from.
 *
 * @param platform the bound platform
 * @param tree its compiled output
 */
record SyntheticPlatform(Platform platform, GeneratedTree tree) {

  /** A platform of {@code models} models, {@code tiers} tiers and {@code environments} overlays. */
  static SyntheticPlatform of(int models, int tiers, int environments) {
    SpecValidator.Outcome outcome =
        new SpecValidator()
            .validate(SyntheticSpecs.bytes(models, tiers, environments), "synth.yaml");
    Platform platform = outcome.platform();
    assertNotNull(platform, () -> outcome.diagnostics().toString());
    return new SyntheticPlatform(
        platform, new PlatformRenderer(new RenderOptions(null, "test")).render(platform));
  }
}
