package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LLM models scale within what an LLMInferenceService can express. */
class LlmAutoscalingTest {

  @Test
  void scaleToZeroOfAnLlmIsAnError() {
    assertEquals(
        List.of(
            "spec.yaml:94:48: error: /spec/environments/0/models/llama-70b/autoscaling/minReplicas: an LLMInferenceService"
                + " scales between at least 1 and maxReplicas replicas; minReplicas 0 cannot be compiled (set minReplicas to 1"
                + " or more; to stop the model in one environment, give it `replicas: 0` there) [llm-autoscaling]"),
        ReferenceSpec.validateEdited(
            "llama-70b: {replicas: 0}",
            "llama-70b: {autoscaling: {minReplicas: 0, maxReplicas: 2, metric: rps, target: 5}}"));
  }

  @Test
  void predictorAutoscalingIsNotConcerned() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            "{minReplicas: 1, maxReplicas: 4,", "{minReplicas: 0, maxReplicas: 4,"));
  }
}
