package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A limits block limits something. */
class LimitsNotEmptyTest {

  @Test
  void limitsWithOnlyACounterAreReported() {
    assertEquals(
        List.of(
            "spec.yaml:56:9: error: /spec/tiers/2/limits: the limits of tier `enterprise` set neither"
                + " `requests` nor `tokens`, so nothing is limited (add `requests` or `tokens`, or replace `limits` with"
                + " `unlimited: true`) [limits-not-empty]"),
        ReferenceSpec.validateEdited("        tokens: [{limit: 1000000, window: 1m}]\n", ""));
  }

  @Test
  void emptyModelLimitsEntryIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:48:20: error: /spec/tiers/1/modelLimits/llama-70b: the limits of tier `premium`"
                + " for model `llama-70b` set neither `requests` nor `tokens`, so they change nothing (add `requests` or"
                + " `tokens`, or remove the entry) [limits-not-empty]"),
        ReferenceSpec.validateEdited(
            "        llama-70b:\n          tokens: [{limit: 20000, window: 1m}]\n",
            "        llama-70b: {}\n"));
  }
}
