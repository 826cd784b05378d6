package dev.maas.validate.rules;

import dev.maas.model.Autoscaling;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * Autoscaling of {@code serving: llm} models within what KServe's LLMInferenceService can express:
 * its {@code scaling} section needs at least one replica. (Its autoscaler chooses its own signals,
 * so {@code metric} and {@code target} only steer predictor models; the schema says so.)
 */
@Rule(
    summary = "autoscaling of an LLM model that KServe's LLMInferenceService cannot express",
    inputs = {"/spec/models", "/spec/environments"})
public final class LlmAutoscaling implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (AutoscalingSite site : AutoscalingSite.written(platform, Serving.LLM, findings)) {
      Autoscaling autoscaling = site.autoscaling();
      if (autoscaling.minReplicas() < 1) {
        findings.at(
            site.pointer() + "/minReplicas",
            "an LLMInferenceService scales between at least 1 and maxReplicas replicas; minReplicas "
                + autoscaling.minReplicas()
                + " cannot be compiled",
            "set minReplicas to 1 or more; to stop the model in one environment, give it `replicas: 0` there");
      }
    }
  }
}
