package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two tiers with one level are reported at the second level. */
class UniqueTierLevelsTest {

  @Test
  void secondTierWithTheSameLevelIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:53:14: error: /spec/tiers/2/level: tier `enterprise` has level 10, the same as tier"
                + " `premium` (line 39); the level decides the tier of a user in both, so levels must be unique"
                + " (give `enterprise` a level no other tier has) [unique-tier-levels]"),
        ReferenceSpec.validateEdited("level: 20", "level: 10"));
  }

  @Test
  void distinctLevelsPass() {
    assertEquals(List.of(), ReferenceSpec.validateEdited("level: 20", "level: 11"));
  }
}
