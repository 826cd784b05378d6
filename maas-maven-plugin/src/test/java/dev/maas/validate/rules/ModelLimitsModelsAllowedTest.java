package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-model limits name a model the tier may call. */
class ModelLimitsModelsAllowedTest {

  @Test
  void limitsForAModelOutsideTheAllowListAreReported() {
    assertEquals(
        List.of(
            "spec.yaml:48:9: error: /spec/tiers/1/modelLimits/llama-70b: tier `premium` sets limits for"
                + " model `llama-70b`, but its `models` list does not allow that model, so the limits would never apply"
                + " (add `llama-70b` to /spec/tiers/1/models, or remove these limits) [model-limits-models-allowed]"),
        ReferenceSpec.validateEdited("models: [granite-8b, llama-70b]", "models: [granite-8b]"));
  }

  @Test
  void tierWithoutAllowListMayLimitAnyModel() {
    assertEquals(
        List.of(), ReferenceSpec.validateEdited("      models: [granite-8b, llama-70b]\n", ""));
  }
}
