package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.output.TreeWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a compilation did.
 *
 * @param validation the validation of every spec
 * @param checks findings of the read-only checks on the output (CRD schemas, CEL rules, policy
 *     proof); on an up-to-date run, every warning the run that compiled found, so that each run
 *     reports and gates on the same
 * @param written per platform folder, what the writer changed; empty when nothing was written
 * @param upToDate whether the inputs were unchanged since the last run, so nothing was rendered or
 *     written
 */
public record GenerateResult(
    ValidateResult validation,
    List<Diagnostic> checks,
    Map<Path, TreeWriter.Report> written,
    boolean upToDate) {

  public GenerateResult(
      ValidateResult validation, List<Diagnostic> checks, Map<Path, TreeWriter.Report> written) {
    this(validation, checks, written, false);
  }

  /** Every diagnostic: the specs' first, then the output checks'. */
  public List<Diagnostic> diagnostics() {
    return Stream.concat(validation.diagnostics().stream(), checks.stream()).toList();
  }

  /**
   * One line per platform folder written: {@code wrote <folder> (1 added, 2 changed, 0 removed, 40
   * unchanged)}.
   */
  public List<String> writeLines() {
    return written.entrySet().stream()
        .map(
            e -> {
              TreeWriter.Report r = e.getValue();
              return "wrote "
                  + e.getKey()
                  + (r.isNoOp()
                      ? " (up to date, nothing changed)"
                      : " ("
                          + r.added().size()
                          + " added, "
                          + r.changed().size()
                          + " changed, "
                          + r.removed().size()
                          + " removed, "
                          + r.unchanged()
                          + " unchanged)");
            })
        .toList();
  }

  /** Whether anything failed, in the specs or in the output checks. */
  public boolean hasErrors() {
    return validation.errors() > 0 || checks.stream().anyMatch(Diagnostic::isError);
  }
}
