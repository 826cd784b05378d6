package dev.maas.validate.rules;

import dev.maas.model.Model;
import dev.maas.model.ModelOverride;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.spec.JsonPointers;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.Map;

/**
 * A model's {@code parallelism} splits an LLM over exactly the GPUs of a replica, in the base and
 * in every environment that changes the GPUs: vLLM needs tensor × pipeline GPUs, and KServe
 * schedules {@code resources.gpus}.
 */
@Rule(summary = "a model's parallelism does not use exactly the GPUs of a replica")
public final class ModelParallelism implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      String pointer = "/spec/models/" + i + "/parallelism";
      if (model.parallelism() == null || !findings.written(pointer)) {
        continue;
      }
      if (model.servingKind() != Serving.LLM) {
        findings.at(
            pointer,
            "model `" + model.name() + "` is a predictor; `parallelism` splits an LLM over GPUs",
            "remove `parallelism`, or serve it as `llm`");
        continue;
      }
      int split = model.parallelism().gpus();
      Integer gpus = model.resources().gpus();
      if (gpus == null || gpus != split) {
        findings.at(
            pointer,
            "model `"
                + model.name()
                + "` splits over "
                + split
                + " GPU(s) (tensor "
                + model.parallelism().tensor()
                + " × pipeline "
                + model.parallelism().pipeline()
                + "), but a replica has "
                + (gpus == null ? "none" : String.valueOf(gpus)),
            "set resources.gpus to " + split + ", or a split whose product is the replica's GPUs");
      }
    }
    for (int i = 0; i < platform.environments().size(); i++) {
      for (Map.Entry<String, ModelOverride> e :
          platform.environments().get(i).models().entrySet()) {
        Model model = platform.model(e.getKey()).orElse(null);
        ModelOverride override = e.getValue();
        if (model == null
            || model.parallelism() == null
            || model.servingKind() != Serving.LLM
            || override.resources() == null
            || override.resources().gpus() == null) {
          continue;
        }
        int gpus = override.resources().gpus();
        String pointer =
            JsonPointers.child("/spec/environments/" + i + "/models", e.getKey())
                + "/resources/gpus";
        if (gpus != model.parallelism().gpus() && findings.written(pointer)) {
          findings.at(
              pointer,
              "environment `"
                  + platform.environments().get(i).name()
                  + "` gives model `"
                  + model.name()
                  + "` "
                  + gpus
                  + " GPU(s) per replica, but its parallelism splits it over "
                  + model.parallelism().gpus(),
              "keep the GPUs at "
                  + model.parallelism().gpus()
                  + ", or drop the model's `parallelism` so that the split"
                  + " follows the GPUs");
        }
      }
    }
  }
}
