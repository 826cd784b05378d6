package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** Every key of a tier's {@code modelLimits} names a model of the platform. */
@Rule(
    summary = "a tier's modelLimits names a model the spec does not define",
    inputs = {"/spec/tiers", "/spec/models"})
public final class ModelLimitsModelsExist implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (ModelLimitKey key : ModelLimitKey.of(platform, findings.document())) {
      if (platform.model(key.model()).isEmpty()) {
        findings.atKey(
            key.pointer(),
            key.subject() + ", which is not defined in spec.models",
            KnownModels.hint(key.model(), platform));
      }
    }
  }
}
