package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import dev.maas.spec.YamlNode;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Environment names are unique: each names an overlay folder and an Argo CD Application. */
@Rule(summary = "two environments with the same name")
public final class UniqueEnvironmentNames implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/environments");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    if (!(document.find("/spec/environments") instanceof YamlNode.Sequence)) {
      return out; // the implicit `default` environment cannot clash
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < platform.environments().size(); i++) {
      String name = platform.environments().get(i).name();
      Integer first = seen.putIfAbsent(name, i);
      if (first != null) {
        String pointer = "/spec/environments/" + i + "/name";
        out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
            "environment `" + name + "` is already defined at /spec/environments/" + first + " (line "
                + document.locate("/spec/environments/" + first + "/name").line()
                + "); each environment becomes its own overlay and Argo CD Application",
            "give every environment its own name, or merge the two"));
      }
    }
    return out;
  }
}
