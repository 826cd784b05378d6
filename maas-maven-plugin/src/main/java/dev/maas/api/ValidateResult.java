package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import java.util.List;

/**
 * What validation found in every spec.
 *
 * @param specs one report per spec file, in file order
 */
public record ValidateResult(List<SpecReport> specs) {

  /** Every diagnostic of every spec, in order. */
  public List<Diagnostic> diagnostics() {
    return specs.stream().flatMap(s -> s.diagnostics().stream()).toList();
  }

  /** The number of errors. */
  public long errors() {
    return diagnostics().stream().filter(Diagnostic::isError).count();
  }

  /** The number of warnings. */
  public long warnings() {
    return diagnostics().stream().filter(d -> !d.isError()).count();
  }

  /** The closing total, e.g. {@code 2 errors, 1 warning}. */
  public String summary() {
    return Diagnostics.total(errors(), warnings());
  }
}
