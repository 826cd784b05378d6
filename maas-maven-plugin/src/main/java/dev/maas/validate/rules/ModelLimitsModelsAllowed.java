package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** A tier sets per-model limits only for models it may call; others would be dead configuration. */
@Rule(
    summary = "a tier sets limits for a model it may not call",
    inputs = {"/spec/tiers", "/spec/models"})
public final class ModelLimitsModelsAllowed implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (ModelLimitKey key : ModelLimitKey.of(platform, findings.document())) {
      String name = key.model();
      if (platform.model(name).isPresent() && !key.tier().item().allows(name)) {
        findings.atKey(
            key.pointer(),
            key.subject()
                + ", but its `models` list does not allow that model, so the limits would never apply",
            "add `" + name + "` to " + key.tier().at("models") + ", or remove these limits");
      }
    }
  }
}
