package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import java.util.List;

/**
 * The result for one spec file.
 *
 * @param displayName the file as diagnostics name it
 * @param platform the validated platform, or {@code null} when it has errors
 * @param diagnostics its errors and warnings
 */
public record SpecReport(String displayName, Platform platform, List<Diagnostic> diagnostics) {

  /** The platform's name ({@code metadata.name}), or {@code null} when the spec has errors. */
  public String platformName() {
    return platform == null ? null : platform.name();
  }

  /** Whether the spec has an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
