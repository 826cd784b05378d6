package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Environment;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import dev.maas.spec.YamlNode;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.List;

/** Environment names are unique: each names an overlay folder and an Argo CD Application. */
@Rule(summary = "two environments with the same name",
    inputs = "/spec/environments")
public final class UniqueEnvironmentNames implements SemanticRule {

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    Findings findings = new Findings(this, document);
    if (!(document.find("/spec/environments") instanceof YamlNode.Sequence)) {
      return findings.list(); // the implicit `default` environment cannot clash
    }
    for (Located.Repeat<Environment> repeat : Located.repeats(Located.environments(platform), Environment::name)) {
      findings.at(repeat.later().at("name"), "environment `" + repeat.later().item().name() + "` is already defined at "
          + repeat.first().pointer() + " (line " + findings.line(repeat.first().at("name"))
          + "); each environment becomes its own overlay and Argo CD Application",
          "give every environment its own name, or merge the two");
    }
    return findings.list();
  }
}
