package dev.maas.validate.rules;

import dev.maas.model.Environment;
import dev.maas.model.Platform;
import dev.maas.spec.YamlNode;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** Environment names are unique: each names an overlay folder and an Argo CD Application. */
@Rule(summary = "two environments with the same name", inputs = "/spec/environments")
public final class UniqueEnvironmentNames implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    if (!(findings.document().find("/spec/environments") instanceof YamlNode.Sequence)) {
      return; // the implicit `default` environment cannot clash
    }
    for (Located.Repeat<Environment> repeat :
        Located.repeats(Located.environments(platform), Environment::name)) {
      findings.at(
          repeat.later().at("name"),
          "environment `"
              + repeat.later().item().name()
              + "` "
              + repeat.alreadyDefined(findings, "name")
              + "; each environment becomes its own overlay and Argo CD Application",
          "give every environment its own name, or merge the two");
    }
  }
}
