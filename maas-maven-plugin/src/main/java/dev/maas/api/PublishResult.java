package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.publish.PublishReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What publishing did.
 *
 * @param generate the compilation that came first
 * @param reports one report per platform published
 * @param errors why a platform could not be published (unreachable remote, refused credentials...)
 */
public record PublishResult(
    GenerateResult generate, List<PublishReport> reports, List<Diagnostic> errors) {

  /** Every diagnostic: the compilation's, then the publication's. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>(generate.diagnostics());
    all.addAll(errors);
    return List.copyOf(all);
  }

  /**
   * What was pushed, one line per platform; a dry run adds the commit message and the files,
   * indented.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (PublishReport report : reports) {
      lines.add(report.summary());
      if (report.outcome() == PublishReport.Outcome.DRY_RUN) {
        report.message().lines().forEach(line -> lines.add("  " + line));
        report
            .files()
            .forEach(f -> lines.add("  " + f.type().name().toLowerCase() + " " + f.path()));
      }
    }
    return List.copyOf(lines);
  }

  /** Whether anything failed. */
  public boolean hasErrors() {
    return generate.hasErrors() || !errors.isEmpty();
  }
}
