package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.YamlNode;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** Every model an environment overrides is a model of the platform. */
@Rule(
    summary = "an environment overrides a model the spec does not define",
    inputs = {"/spec/environments", "/spec/models"})
public final class EnvironmentModelsExist implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    if (!(findings.document().find("/spec/environments")
        instanceof YamlNode.Sequence environments)) {
      return;
    }
    for (int i = 0; i < environments.items().size(); i++) {
      String base = "/spec/environments/" + i;
      if (!(findings.document().find(base + "/models") instanceof YamlNode.Mapping models)) {
        continue;
      }
      String environment = platform.environments().get(i).name();
      for (String name : models.entries().keySet()) {
        if (platform.model(name).isEmpty()) {
          String pointer = JsonPointers.child(base + "/models", name);
          findings.atKey(
              pointer,
              "environment `"
                  + environment
                  + "` overrides model `"
                  + name
                  + "`, which is not defined in spec.models",
              KnownModels.hint(name, platform));
        }
      }
    }
  }
}
