package dev.maas.validate.rules;

import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * Model names are unique across all namespaces, because tiers and environments name models bare.
 */
@Rule(summary = "two models with the same name", inputs = "/spec/models")
public final class UniqueModelNames implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (Located.Repeat<Model> repeat : Located.repeats(Located.models(platform), Model::name)) {
      Model model = repeat.later().item();
      Model other = repeat.first().item();
      String where =
          other.namespace().equals(model.namespace())
              ? "in the same namespace `" + model.namespace() + "`"
              : "in namespace `" + other.namespace() + "`";
      findings.at(
          repeat.later().at("name"),
          "model `"
              + model.name()
              + "` "
              + repeat.alreadyDefined(findings, "name")
              + " "
              + where
              + "; tiers and environments name models without their namespace, so a model name must be unique"
              + " across all namespaces",
          "rename one of the two models");
    }
  }
}
