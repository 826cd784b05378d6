package dev.maas.validate.rules;

import dev.maas.model.Model;
import dev.maas.model.ModelOverride;
import dev.maas.model.Platform;
import dev.maas.spec.JsonPointers;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.Map;

/**
 * A model scales either by fixed {@code replicas} or by {@code autoscaling}, never both. An
 * environment override that sets one of them replaces the model's choice there, so it too may set
 * only one.
 */
@Rule(
    summary = "a model or environment sets both replicas and autoscaling",
    inputs = {"/spec/models", "/spec/environments"})
public final class ReplicasOrAutoscaling implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      if (model.replicas() != null && model.autoscaling() != null) {
        String pointer = "/spec/models/" + i + "/replicas";
        findings.at(
            pointer,
            "model `"
                + model.name()
                + "` sets both `replicas` and `autoscaling` (line "
                + findings.document().locateKey("/spec/models/" + i + "/autoscaling").line()
                + ")",
            "keep `replicas` for a fixed number of replicas or `autoscaling` to scale on demand, not both");
      }
    }
    if (!findings.written("/spec/environments")) {
      return;
    }
    for (int i = 0; i < platform.environments().size(); i++) {
      for (Map.Entry<String, ModelOverride> e :
          platform.environments().get(i).models().entrySet()) {
        ModelOverride override = e.getValue();
        if (override.replicas() != null && override.autoscaling() != null) {
          String base = JsonPointers.child("/spec/environments/" + i + "/models", e.getKey());
          findings.at(
              base + "/replicas",
              "environment `"
                  + platform.environments().get(i).name()
                  + "` sets both `replicas` and `autoscaling`"
                  + " for model `"
                  + e.getKey()
                  + "`",
              "keep one: either replaces the model's own scaling in this environment");
        }
      }
    }
  }
}
