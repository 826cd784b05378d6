package dev.maas.validate.rules;

import dev.maas.model.Autoscaling;
import dev.maas.model.ModelOverride;
import dev.maas.model.Platform;
import dev.maas.spec.JsonPointers;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.Map;

/** Autoscaling's minReplicas is at most its maxReplicas, in models and in environment overrides. */
@Rule(
    summary = "an autoscaling minReplicas above its maxReplicas",
    inputs = {"/spec/models", "/spec/environments"})
public final class AutoscalingRange implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (int i = 0; i < platform.models().size(); i++) {
      check(platform.models().get(i).autoscaling(), "/spec/models/" + i + "/autoscaling", findings);
    }
    if (!findings.written("/spec/environments")) {
      return;
    }
    for (int i = 0; i < platform.environments().size(); i++) {
      for (Map.Entry<String, ModelOverride> e :
          platform.environments().get(i).models().entrySet()) {
        String base = JsonPointers.child("/spec/environments/" + i + "/models", e.getKey());
        check(e.getValue().autoscaling(), base + "/autoscaling", findings);
      }
    }
  }

  private void check(Autoscaling autoscaling, String pointer, Findings findings) {
    if (autoscaling != null && autoscaling.minReplicas() > autoscaling.maxReplicas()) {
      String min = pointer + "/minReplicas";
      findings.at(
          min,
          "minReplicas "
              + autoscaling.minReplicas()
              + " is more than maxReplicas "
              + autoscaling.maxReplicas(),
          "make minReplicas at most maxReplicas");
    }
  }
}
