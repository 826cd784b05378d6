package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An unlimited tier sets no limits. */
class UnlimitedWithoutLimitsTest {

  @Test
  void unlimitedTierWithLimitsIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:55:18: error: /spec/tiers/2/unlimited: tier `enterprise` is `unlimited: true` but"
                + " also sets `limits` (line 56) (remove `limits` for a tier without limits, or remove `unlimited: true` to"
                + " apply them) [unlimited-without-limits]"),
        ReferenceSpec.validateEdited(
            "      limits:\n        counter: tier\n",
            "      unlimited: true\n      limits:\n        counter: tier\n"));
  }
}
