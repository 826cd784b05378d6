package dev.maas.validate;

import dev.maas.diag.Diagnostic;
import dev.maas.validate.rules.EnvironmentModelsExist;
import dev.maas.validate.rules.ModelLimitsModelsExist;
import dev.maas.validate.rules.TierModelsExist;
import dev.maas.validate.rules.UniqueModelNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps an error's cause and drops the errors that only follow from it, so that the first error a
 * person reads is the one to fix: a model given another model's name leaves every reference to its
 * old name unknown.
 */
final class FollowOnErrors {

  /** The rules that report a reference to a model no model is named. */
  private static final Set<String> UNKNOWN_MODEL =
      Set.of(
          SemanticRule.codeOf(TierModelsExist.class),
          SemanticRule.codeOf(ModelLimitsModelsExist.class),
          SemanticRule.codeOf(EnvironmentModelsExist.class));

  private static final Pattern UNKNOWN_NAME =
      Pattern.compile(".*model `([^`]+)`, which is not defined.*");

  private FollowOnErrors() {}

  /**
   * {@code diagnostics} (sorted) without the errors a duplicate model name explains, the
   * duplicate's hint naming them.
   */
  static List<Diagnostic> reduce(List<Diagnostic> diagnostics) {
    List<Diagnostic> duplicates =
        diagnostics.stream()
            .filter(d -> d.code().equals(SemanticRule.codeOf(UniqueModelNames.class)))
            .toList();
    if (duplicates.isEmpty()) {
      return diagnostics;
    }
    Map<String, Integer> unknown = new LinkedHashMap<>();
    for (Diagnostic d : diagnostics) {
      Matcher m = UNKNOWN_NAME.matcher(d.message());
      if (UNKNOWN_MODEL.contains(d.code()) && m.matches()) {
        unknown.merge(m.group(1), 1, Integer::sum);
      }
    }
    // Each duplicate can stand for one lost name; more unknown names than that are errors of their
    // own.
    if (unknown.isEmpty() || unknown.size() > duplicates.size()) {
      return diagnostics;
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (UNKNOWN_MODEL.contains(d.code()) && UNKNOWN_NAME.matcher(d.message()).matches()) {
        continue;
      }
      out.add(
          duplicates.contains(d)
              ? Diagnostic.error(
                  d.code(),
                  d.location(),
                  d.pointer(),
                  d.message(),
                  "rename one of the two models; " + lostNames(unknown))
              : d);
    }
    return out;
  }

  private static String lostNames(Map<String, Integer> unknown) {
    int references = unknown.values().stream().mapToInt(Integer::intValue).sum();
    List<String> names = unknown.keySet().stream().map(n -> "`" + n + "`").toList();
    return "was it meant to be "
        + String.join(" or ", names)
        + "? The spec refers to "
        + (names.size() == 1 ? "that name" : "those names")
        + " "
        + references
        + (references == 1 ? " time" : " times")
        + " and no model has "
        + (names.size() == 1 ? "it" : "them");
  }
}
