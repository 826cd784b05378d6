package dev.maas.validate.rules;

import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** {@code modelFormat} belongs to predictor models; an LLMInferenceService has no such field. */
@Rule(
    summary = "modelFormat set on an LLM model; it belongs to predictor models",
    inputs = "/spec/models")
public final class ModelFormatOnPredictor implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located<Model> located : Located.models(platform)) {
      Model model = located.item();
      if (model.modelFormat() != null && model.servingKind() != Serving.PREDICTOR) {
        findings.at(
            located.at("modelFormat"),
            "model `"
                + model.name()
                + "` is served as `"
                + model.serving()
                + "`, but `modelFormat` applies only to `serving: predictor` models",
            "remove `modelFormat`, or set `serving: predictor`");
      }
    }
  }
}
