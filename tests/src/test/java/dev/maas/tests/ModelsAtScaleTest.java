package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.model.Environment;
import dev.maas.model.Model;
import dev.maas.model.ModelOverride;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.output.GeneratedTree;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 40 models × 6 tiers × 2 environments: every LLM with more than one GPU shards across exactly its
 * GPUs, in the base and in the environment that gives it fewer; every LLM reports usage in streams;
 * every predictor runs in Standard mode, and the request-scaled ones have a ScaledObject on their
 * Deployment.
 */
class ModelsAtScaleTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyModelRunsAsTheSpecSays() throws IOException {
    SyntheticPlatform synthetic = SyntheticPlatform.of(40, 6, 2);
    Platform platform = synthetic.platform();
    GeneratedTree tree = synthetic.tree();
    int sharded = 0;
    int scaled = 0;
    for (Model model : platform.models()) {
      if (model.servingKind() == Serving.LLM) {
        JsonNode spec =
            YAML.readTree(tree.text("base/llminferenceservice-" + model.name() + ".yaml"))
                .path("spec");
        int gpus = model.resources().gpus();
        JsonNode split = spec.path("parallelism");
        assertEquals(
            gpus, split.path("tensor").asInt(1) * split.path("pipeline").asInt(1), model.name());
        sharded += gpus > 1 ? 1 : 0;
        JsonNode env = spec.path("template").path("containers").path(0).path("env").path(0);
        assertEquals("VLLM_ADDITIONAL_ARGS", env.path("name").asText(), model.name());
        assertTrue(
            env.path("value").asText().contains("--enable-force-include-usage"), model.name());
      } else {
        JsonNode service =
            YAML.readTree(tree.text("base/inferenceservice-" + model.name() + ".yaml"));
        assertEquals(
            "Standard",
            service
                .path("metadata")
                .path("annotations")
                .path("serving.kserve.io/deploymentMode")
                .asText(),
            model.name());
        JsonNode object =
            YAML.readTree(tree.text("base/scaledobject-" + model.name() + "-predictor.yaml"));
        assertEquals(
            model.name() + "-predictor",
            object.path("spec").path("scaleTargetRef").path("name").asText());
        scaled++;
      }
    }
    int overridden = 0;
    for (Environment environment : platform.environments()) {
      for (Map.Entry<String, ModelOverride> e : environment.models().entrySet()) {
        if (e.getValue().resources() == null || e.getValue().resources().gpus() == null) {
          continue;
        }
        String patch =
            "overlays/" + environment.name() + "/llminferenceservice-" + e.getKey() + "-patch.yaml";
        JsonNode ops = YAML.readTree(tree.text(patch));
        boolean follows = false;
        for (JsonNode op : ops) {
          follows |=
              op.path("path").asText().equals("/spec/parallelism/tensor")
                  && op.path("value").asInt() == e.getValue().resources().gpus();
        }
        assertTrue(
            follows,
            patch
                + " splits the model over its "
                + e.getValue().resources().gpus()
                + " GPUs:\n"
                + tree.text(patch));
        overridden++;
      }
    }
    assertEquals(8, sharded, "models of four GPUs");
    assertEquals(8, scaled, "request-scaled predictors");
    assertTrue(overridden > 0, "an environment changes the GPUs of a large model");
    System.out.println(
        "models at scale: "
            + sharded
            + " LLMs sharded over 4 GPUs, "
            + overridden
            + " environment override(s) re-split, "
            + scaled
            + " predictors scaled by KEDA");
  }
}
