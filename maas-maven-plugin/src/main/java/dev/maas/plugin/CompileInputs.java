package dev.maas.plugin;

import dev.maas.api.ExplainRequest;
import dev.maas.api.GenerateRequest;
import dev.maas.api.GitTarget;
import java.nio.file.Path;

/**
 * What every compiling goal reads: the specs, the CRDs the output is checked against, the
 * hand-written overlays layered in, and the plugin's version recorded in the output.
 *
 * @param baseDir the folder diagnostics name files relative to
 * @param spec a spec file or a folder of specs
 * @param crds a folder of CRDs, or {@code null}
 * @param overlays the hand-written overlays folder, or {@code null}
 * @param pluginVersion the plugin's version
 */
record CompileInputs(Path baseDir, Path spec, Path crds, Path overlays, String pluginVersion) {

  /** A compilation into {@code outputDirectory} (or with its CRD cache there). */
  GenerateRequest generate(Path outputDirectory, boolean force, GitTarget target) {
    return new GenerateRequest(
        baseDir, spec, outputDirectory, crds, overlays, pluginVersion, force, target);
  }

  /** An explanation of a request of {@code tier} to {@code model}. */
  ExplainRequest explain(String tier, String model) {
    return new ExplainRequest(baseDir, spec, overlays, pluginVersion, tier, model, crds);
  }
}
