package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only predictor models take a modelFormat. */
class ModelFormatOnPredictorTest {

  @Test
  void modelFormatOnAnLlmModelIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:64:20: error: /spec/models/0/modelFormat: model `granite-8b` is served as `llm`,"
                + " but `modelFormat` applies only to `serving: predictor` models (remove `modelFormat`, or set `serving:"
                + " predictor`) [model-format-on-predictor]"),
        ReferenceSpec.validateEdited(
            "      serving: llm\n      uri: hf://ibm-granite",
            "      serving: llm\n      modelFormat: onnx\n      uri: hf://ibm-granite"));
  }

  @Test
  void modelFormatOnAPredictorPasses() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            "      serving: predictor\n",
            "      serving: predictor\n      modelFormat: sklearn\n"));
  }
}
