package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-model limits name a model that exists. */
class ModelLimitsModelsExistTest {

  @Test
  void misspelledModelLimitsKeyIsReportedAtTheKey() {
    String spec =
        ReferenceSpec.edit(
            "      modelLimits:\n        llama-70b:", "      modelLimits:\n        lama-70b:");
    assertEquals(
        List.of(
            "spec.yaml:48:9: error: /spec/tiers/1/modelLimits/lama-70b: tier `premium` sets limits for"
                + " model `lama-70b`, which is not defined in spec.models (did you mean `llama-70b`?) [model-limits-models-exist]"),
        ReferenceSpec.validate(spec));
  }
}
