package dev.maas.validate;

import dev.maas.validate.rules.UniqueTierNames;
import java.util.List;

/** The semantic rules, in the order they run. */
public final class SemanticRules {

  private SemanticRules() {}

  /** Every rule. */
  public static List<SemanticRule> all() {
    return List.of(
        new UniqueTierNames());
  }
}
