package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.plan.Explanation;
import java.util.List;

/**
 * What explaining found.
 *
 * @param diagnostics errors (an invalid spec, an unknown tier or model) and warnings
 * @param explanations one per platform that has the tier and model
 */
public record ExplainResult(List<Diagnostic> diagnostics, List<Explanation> explanations) {

  /** The explanations' text, one platform after the other. */
  public List<String> lines() {
    return explanations.stream().flatMap(e -> e.lines().stream()).toList();
  }

  /** Whether anything failed. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
