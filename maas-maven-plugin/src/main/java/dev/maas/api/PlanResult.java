package dev.maas.api;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.diag.Diagnostic;
import dev.maas.plan.PlanReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What planning found.
 *
 * @param validation the validation of every spec
 * @param checks the findings of the output checks, the policy proof included
 * @param errors why the base could not be read or the report not written
 * @param proven per platform, the access matrix the policy proof checked
 * @param written the plan and the files it was written to; empty when an error stopped it
 */
public record PlanResult(
    ValidateResult validation,
    List<Diagnostic> checks,
    List<Diagnostic> errors,
    Map<String, AccessMatrix> proven,
    Optional<Written> written) {

  /**
   * A plan and where it was written.
   *
   * @param report the plan
   * @param markdown the Markdown report
   * @param json its JSON twin
   */
  public record Written(PlanReport report, Path markdown, Path json) {}

  public PlanResult {
    checks = List.copyOf(checks);
    errors = List.copyOf(errors);
    proven = Map.copyOf(proven);
  }

  /** A plan that an error in the specs, the checks, the base or the writing stopped. */
  static PlanResult failed(
      ValidateResult validation,
      List<Diagnostic> checks,
      List<Diagnostic> errors,
      Map<String, AccessMatrix> proven) {
    return new PlanResult(validation, checks, errors, proven, Optional.empty());
  }

  /** A plan made and written. */
  static PlanResult written(
      ValidateResult validation,
      List<Diagnostic> checks,
      Map<String, AccessMatrix> proven,
      Written written) {
    return new PlanResult(validation, checks, List.of(), proven, Optional.of(written));
  }

  /** Whether anything failed. */
  public boolean hasErrors() {
    return validation.errors() > 0
        || checks.stream().anyMatch(Diagnostic::isError)
        || !errors.isEmpty();
  }

  /** Every diagnostic, in order: validation, output checks, planning. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>(validation.diagnostics());
    all.addAll(checks);
    all.addAll(errors);
    return List.copyOf(all);
  }

  /** The plan; only when it was made ({@link #hasErrors()} is false). */
  public PlanReport report() {
    return made().report();
  }

  /** The lines of the Markdown report; only when the plan was made. */
  public List<String> lines() {
    return made().report().markdown().lines().toList();
  }

  /** The Markdown report written; only when the plan was made. */
  public Path markdown() {
    return made().markdown();
  }

  /** The JSON report written; only when the plan was made. */
  public Path json() {
    return made().json();
  }

  private Written made() {
    return written.orElseThrow(
        () -> new IllegalStateException("no plan was made: " + diagnostics()));
  }

  /** The breaking changes, empty without a report. */
  public List<String> breaking() {
    return written.map(w -> w.report().breaking()).orElse(List.of());
  }
}
