package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's parallelism splits an LLM over exactly the GPUs of a replica, in every environment. */
class ModelParallelismTest {

  private static final String LLAMA = "replicas: 2\n      resources: {gpus: 4, memory: 160Gi}";

  @Test
  void aSplitOverOtherGpusIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:75:20: error: /spec/models/1/parallelism: model `llama-70b` splits over 2 GPU(s)"
                + " (tensor 2 × pipeline 1), but a replica has 4 (set resources.gpus to 2, or a split whose product is the"
                + " replica's GPUs) [model-parallelism]"),
        ReferenceSpec.validateEdited(LLAMA, LLAMA + "\n      parallelism: {tensor: 2}"));
  }

  @Test
  void aSplitOfTheReplicasGpusPasses() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            LLAMA, LLAMA + "\n      parallelism: {tensor: 2, pipeline: 2}"));
  }

  @Test
  void anEnvironmentThatChangesTheGpusUnderAFixedSplitIsReported() {
    String spec =
        ReferenceSpec.edit(LLAMA, LLAMA + "\n      parallelism: {tensor: 4}")
            .replace("llama-70b: {replicas: 0}", "llama-70b: {resources: {gpus: 2}}");
    assertEquals(
        List.of(
            "spec.yaml:95:39: error: /spec/environments/0/models/llama-70b/resources/gpus: environment"
                + " `dev` gives model `llama-70b` 2 GPU(s) per replica, but its parallelism splits it over 4 (keep the GPUs at"
                + " 4, or drop the model's `parallelism` so that the split follows the GPUs) [model-parallelism]"),
        ReferenceSpec.validate(spec));
  }

  @Test
  void aPredictorHasNoSplit() {
    String cpu = "resources: {cpu: \"2\", memory: 4Gi}";
    assertEquals(
        List.of(
            "spec.yaml:82:20: error: /spec/models/2/parallelism: model `mnist-classifier` is a predictor;"
                + " `parallelism` splits an LLM over GPUs (remove `parallelism`, or serve it as `llm`) [model-parallelism]"),
        ReferenceSpec.validateEdited(cpu, cpu + "\n      parallelism: {tensor: 1}"));
  }
}
