package dev.maas.check;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import java.nio.file.Path;
import java.util.List;

/** The read-only checks run on a compiled tree before it is written; they never change it. */
public final class OutputChecks {

  private final Path crdsDirectory;

  /** @param crdsDirectory a folder of CRDs to validate against, or {@code null} to skip CRD validation */
  public OutputChecks(Path crdsDirectory) {
    this.crdsDirectory = crdsDirectory;
  }

  /** Every finding about {@code tree}, the output of {@code platform}. */
  public List<Diagnostic> check(Platform platform, GeneratedTree tree) {
    return List.of();
  }
}
