package dev.maas.api;

import java.nio.file.Path;

/**
 * What to explain: a request of one tier to one model, on the platform of one spec.
 *
 * @param baseDir the folder diagnostics name files relative to
 * @param spec the spec file (or a folder holding exactly one spec)
 * @param overlaysDirectory hand-written overlays, or {@code null}
 * @param pluginVersion the compiler's version
 * @param tier the tier
 * @param model the model
 * @param crdsDirectory a folder of CRDs the compiled objects are validated against, or {@code null}
 */
public record ExplainRequest(
    Path baseDir,
    Path spec,
    Path overlaysDirectory,
    String pluginVersion,
    String tier,
    String model,
    Path crdsDirectory) {

  /** A request that validates against no CRDs. */
  public ExplainRequest(
      Path baseDir,
      Path spec,
      Path overlaysDirectory,
      String pluginVersion,
      String tier,
      String model) {
    this(baseDir, spec, overlaysDirectory, pluginVersion, tier, model, null);
  }
}
