package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.publish.PublishReport;
import java.util.List;

/**
 * What publishing did.
 *
 * @param generate the compilation that came first
 * @param reports one report per platform published
 * @param errors why a platform could not be published (unreachable remote, refused credentials...)
 */
public record PublishResult(GenerateResult generate, List<PublishReport> reports, List<Diagnostic> errors) {

  /** Whether anything failed. */
  public boolean hasErrors() {
    return generate.hasErrors() || !errors.isEmpty();
  }
}
