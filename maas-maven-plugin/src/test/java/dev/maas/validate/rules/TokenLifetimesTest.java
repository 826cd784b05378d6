package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Token lifetimes are positive and the default fits under the maximum. */
class TokenLifetimesTest {

  @Test
  void zeroDefaultIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:22:17: error: /spec/tokens/defaultTTL: defaultTTL `0h` is zero, so tokens would"
                + " expire as they are issued (use a positive duration such as `4h`) [token-lifetimes]"),
        ReferenceSpec.validateEdited("defaultTTL: 4h", "defaultTTL: 0h"));
  }

  @Test
  void zeroMaximumIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:23:13: error: /spec/tokens/maxTTL: maxTTL `0s` is zero, so tokens would expire as"
                + " they are issued (use a positive duration such as `720h`) [token-lifetimes]"),
        ReferenceSpec.validateEdited("maxTTL: 720h", "maxTTL: 0s"));
  }

  @Test
  void defaultLongerThanMaximumIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:22:17: error: /spec/tokens/defaultTTL: defaultTTL `31d` is longer than maxTTL"
                + " `720h`, so a token asked for without a lifetime would be refused (make defaultTTL at most maxTTL, or raise"
                + " maxTTL) [token-lifetimes]"),
        ReferenceSpec.validateEdited("defaultTTL: 4h", "defaultTTL: 31d"));
  }

  @Test
  void equalLifetimesPass() {
    assertEquals(List.of(), ReferenceSpec.validateEdited("defaultTTL: 4h", "defaultTTL: 30d"));
  }
}
