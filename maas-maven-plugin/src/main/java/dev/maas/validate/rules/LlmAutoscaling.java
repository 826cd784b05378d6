package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Autoscaling;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Autoscaling of {@code serving: llm} models within what KServe's LLMInferenceService can express:
 * its {@code scaling} section needs at least one replica. (Its autoscaler chooses its own signals, so
 * {@code metric} and {@code target} only steer predictor models; the schema says so.)
 */
@Rule(summary = "autoscaling of an LLM model that KServe's LLMInferenceService cannot express",
    inputs = {"/spec/models", "/spec/environments"})
public final class LlmAutoscaling implements SemanticRule {

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (AutoscalingSite site : AutoscalingSite.of(platform, Serving.LLM)) {
      check(site.autoscaling(), site.pointer(), document, out);
    }
    return out;
  }

  private void check(Autoscaling autoscaling, String pointer, SpecDocument document, List<Diagnostic> out) {
    if (autoscaling == null || document.find(pointer) == null) {
      return;
    }
    if (autoscaling.minReplicas() < 1) {
      String min = pointer + "/minReplicas";
      out.add(Diagnostic.error(code(), document.locate(min), min,
          "an LLMInferenceService scales between at least 1 and maxReplicas replicas; minReplicas "
              + autoscaling.minReplicas() + " cannot be compiled",
          "set minReplicas to 1 or more; to stop the model in one environment, give it `replicas: 0` there"));
    }
  }
}
