package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** {@code modelFormat} belongs to predictor models; an LLMInferenceService has no such field. */
@Rule(summary = "modelFormat set on an LLM model; it belongs to predictor models")
public final class ModelFormatOnPredictor implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/models");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      if (model.modelFormat() != null && model.servingKind() != Serving.PREDICTOR) {
        String pointer = "/spec/models/" + i + "/modelFormat";
        out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
            "model `" + model.name() + "` is served as `" + model.serving()
                + "`, but `modelFormat` applies only to `serving: predictor` models",
            "remove `modelFormat`, or set `serving: predictor`"));
      }
    }
    return out;
  }
}
