package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A tier without limits must be explicitly unlimited. */
class TierLimitsRequiredTest {

  @Test
  void tierWithoutLimitsIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:51:7: error: /spec/tiers/2: tier `enterprise` has no `limits`, so its users could"
                + " call models without any limit (add `limits` with `requests` or `tokens`, or set `unlimited: true` if the"
                + " tier is meant to have none) [tier-limits-required]"),
        ReferenceSpec.validateEdited(
            "      limits:\n        counter: tier\n        tokens: [{limit: 1000000, window: 1m}]\n",
            ""));
  }

  @Test
  void unlimitedTierWithoutLimitsPasses() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            "      limits:\n        counter: tier\n        tokens: [{limit: 1000000, window: 1m}]\n",
            "      unlimited: true\n"));
  }

  @Test
  void explicitlyLimitedFalseStillNeedsLimits() {
    assertEquals(
        List.of("tier-limits-required"),
        ReferenceSpec.codes(
            "      limits:\n        counter: tier\n        tokens: [{limit: 1000000, window: 1m}]\n",
            "      unlimited: false\n"));
  }
}
