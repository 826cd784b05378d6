package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.check.proof.PolicyProof;
import dev.maas.diag.Diagnostic;
import dev.maas.model.ModelRouting;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * For a platform of 40 models, 6 tiers and 2 environments, the proof's runtime model finds every
 * tier limit counted in one set of Limitador counters, on the one public model route, across all
 * the models the limit covers.
 */
class CountersAtScaleTest {

  @Test
  void everyTierLimitIsOneSetOfCountersAcrossItsModels() {
    SyntheticPlatform synthetic = SyntheticPlatform.of(40, 6, 2);
    Platform platform = synthetic.platform();
    GeneratedTree tree = synthetic.tree();
    PolicyProof.Result result = new PolicyProof().prove(platform, tree);
    assertEquals(java.util.List.of(), result.findings().stream().map(Diagnostic::render).toList());
    String route = platform.gateway().namespace() + "/" + ModelRouting.publicRouteName(platform);
    int total = 0;
    for (Tier tier : platform.tiers()) {
      Set<String> counters = result.counters().get(tier.name());
      // One counter set per limit key of the tier: its request and token limits and its per-model
      // overrides.
      long keys =
          counters.stream().map(c -> c.substring(0, c.lastIndexOf(" @ "))).distinct().count();
      assertEquals(keys, counters.size(), tier.name() + ": " + counters);
      assertTrue(
          counters.stream().allMatch(c -> c.endsWith(" @ " + route)),
          tier.name() + ": " + counters);
      total += counters.size();
    }
    System.out.println(
        "counters at scale: 40 models, 6 tiers, 2 environments: "
            + total
            + " counter sets, all on "
            + route
            + "; "
            + result.requestsChecked()
            + " requests evaluated");
  }
}
