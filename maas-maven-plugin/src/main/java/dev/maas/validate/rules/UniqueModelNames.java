package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Model names are unique across all namespaces, because tiers and environments name models bare. */
@Rule(summary = "two models with the same name")
public final class UniqueModelNames implements SemanticRule {

  @Override
  public List<String> inputs() {
    return List.of("/spec/models");
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      Integer first = seen.putIfAbsent(model.name(), i);
      if (first == null) {
        continue;
      }
      Model other = platform.models().get(first);
      String where = other.namespace().equals(model.namespace())
          ? "in the same namespace `" + model.namespace() + "`"
          : "in namespace `" + other.namespace() + "`";
      String pointer = "/spec/models/" + i + "/name";
      out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
          "model `" + model.name() + "` is already defined at /spec/models/" + first + " (line "
              + document.locate("/spec/models/" + first + "/name").line() + ") " + where
              + "; tiers and environments name models without their namespace, so a model name must be unique"
              + " across all namespaces",
          "rename one of the two models"));
    }
    return out;
  }
}
