package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A tier allows only models that exist; a near miss gets a suggestion. */
class TierModelsExistTest {

  @Test
  void misspelledModelGetsDidYouMean() {
    assertEquals(
        List.of(
            "spec.yaml:32:16: error: /spec/tiers/0/models/0: tier `free` allows model `granit-8b`,"
                + " which is not defined in spec.models (did you mean `granite-8b`?) [tier-models-exist]"),
        ReferenceSpec.validateEdited("models: [granite-8b]", "models: [granit-8b]"));
  }

  @Test
  void unrelatedNameListsTheModels() {
    assertEquals(
        List.of(
            "spec.yaml:32:16: error: /spec/tiers/0/models/0: tier `free` allows model `gpt-4`,"
                + " which is not defined in spec.models (the models are: granite-8b, llama-70b, mnist-classifier) [tier-models-exist]"),
        ReferenceSpec.validateEdited("models: [granite-8b]", "models: [gpt-4]"));
  }
}
