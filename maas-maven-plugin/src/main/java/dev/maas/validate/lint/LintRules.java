package dev.maas.validate.lint;

import dev.maas.validate.SemanticRule;
import java.util.List;

/**
 * The lint rules: findings about a valid spec that is likely not what its author meant. They report
 * warnings only, and run only on a spec without errors (a warning about a spec that does not
 * compile is noise).
 */
public final class LintRules {

  private LintRules() {}

  /** Every lint rule, in the order they run. */
  public static List<SemanticRule> all() {
    return List.of(
        new HigherTierLowerLimit(),
        new TokenLimitBelowResponse(),
        new LimitNeverBinds(),
        new InMemoryLongWindows(),
        new LongTokenLifetimes(),
        new ModelCredentials());
  }

  /** Whether {@code code} is the code of a lint rule. */
  public static boolean isLint(String code) {
    return all().stream().anyMatch(rule -> rule.code().equals(code));
  }
}
