package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An environment overrides only models that exist. */
class EnvironmentModelsExistTest {

  @Test
  void misspelledOverrideIsReportedAtTheKey() {
    assertEquals(
        List.of(
            "spec.yaml:94:9: error: /spec/environments/0/models/llama-7b: environment `dev` overrides"
                + " model `llama-7b`, which is not defined in spec.models (did you mean `llama-70b`?) [environment-models-exist]"),
        ReferenceSpec.validateEdited("llama-70b: {replicas: 0}", "llama-7b: {replicas: 0}"));
  }
}
