package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two tiers with one name are reported at the second. */
class UniqueTierNamesTest {

  @Test
  void secondTierWithTheSameNameIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:37:13: error: /spec/tiers/1/name: tier `free` is already defined at /spec/tiers/0"
                + " (line 27) (give every tier its own name) [unique-tier-names]"),
        ReferenceSpec.validateEdited("- name: premium", "- name: free"));
    assertEquals(
        List.of("unique-tier-names"), ReferenceSpec.codes("- name: premium", "- name: free"));
  }

  @Test
  void distinctNamesPass() {
    assertEquals(List.of(), ReferenceSpec.validate(ReferenceSpec.TEXT));
  }
}
