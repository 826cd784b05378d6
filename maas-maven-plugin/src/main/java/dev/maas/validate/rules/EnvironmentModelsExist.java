package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.SpecDocument;
import dev.maas.spec.YamlNode;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** Every model an environment overrides is a model of the platform. */
@Rule(summary = "an environment overrides a model the spec does not define",
    inputs = {"/spec/environments", "/spec/models"})
public final class EnvironmentModelsExist implements SemanticRule {

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    if (!(document.find("/spec/environments") instanceof YamlNode.Sequence environments)) {
      return out;
    }
    for (int i = 0; i < environments.items().size(); i++) {
      String base = "/spec/environments/" + i;
      if (!(document.find(base + "/models") instanceof YamlNode.Mapping models)) {
        continue;
      }
      String environment = platform.environments().get(i).name();
      for (String name : models.entries().keySet()) {
        if (platform.model(name).isEmpty()) {
          String pointer = JsonPointers.child(base + "/models", name);
          out.add(Diagnostic.error(code(), document.locateKey(pointer), pointer,
              "environment `" + environment + "` overrides model `" + name + "`, which is not defined in spec.models",
              KnownModels.hint(name, platform)));
        }
      }
    }
    return out;
  }
}
