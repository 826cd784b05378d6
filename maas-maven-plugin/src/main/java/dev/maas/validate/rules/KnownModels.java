package dev.maas.validate.rules;

import dev.maas.diag.Suggestions;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import java.util.List;

/** The hint for a reference to a model that does not exist: the nearest name, else the list. */
final class KnownModels {

  private KnownModels() {}

  static String hint(String wrong, Platform platform) {
    List<String> names = platform.models().stream().map(Model::name).sorted().toList();
    String suggestion = Suggestions.didYouMean(wrong, names);
    return suggestion != null ? suggestion : "the models are: " + String.join(", ", names);
  }
}
