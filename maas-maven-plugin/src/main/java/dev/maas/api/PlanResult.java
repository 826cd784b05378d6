package dev.maas.api;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.diag.Diagnostic;
import dev.maas.plan.PlanReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What planning found.
 *
 * @param validation the validation of every spec
 * @param checks the findings of the output checks, the policy proof included
 * @param errors why the base could not be read or the report not written
 * @param report the plan, or {@code null} when an error stopped it
 * @param proven per platform, the access matrix the policy proof checked
 * @param markdown the Markdown report written, or {@code null}
 * @param json the JSON report written, or {@code null}
 */
public record PlanResult(ValidateResult validation, List<Diagnostic> checks, List<Diagnostic> errors,
    PlanReport report, Map<String, AccessMatrix> proven, Path markdown, Path json) {

  /** Whether anything failed. */
  public boolean hasErrors() {
    return validation.errors() > 0 || checks.stream().anyMatch(Diagnostic::isError) || !errors.isEmpty();
  }

  /** Every diagnostic, in order: validation, output checks, planning. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new java.util.ArrayList<>(validation.diagnostics());
    all.addAll(checks);
    all.addAll(errors);
    return all;
  }

  /** The breaking changes, empty without a report. */
  public List<String> breaking() {
    return report == null ? List.of() : report.breaking();
  }
}
