package dev.maas.api;

import java.nio.file.Path;

/**
 * What to compile and where to.
 *
 * @param baseDir the folder diagnostics name files relative to
 * @param spec a spec file or a folder of specs
 * @param outputDirectory where {@code <platform>/} folders are written
 * @param crdsDirectory a folder of CRDs to validate the output against, or {@code null}
 * @param overlaysDirectory hand-written Kustomize overlays to layer in, or {@code null}
 * @param pluginVersion the compiler's version, recorded in provenance
 * @param force compile and write even when the inputs are unchanged since the last run
 * @param gitTarget overrides of the specs' GitOps target that the Argo CD objects must point at
 */
public record GenerateRequest(
    Path baseDir,
    Path spec,
    Path outputDirectory,
    Path crdsDirectory,
    Path overlaysDirectory,
    String pluginVersion,
    boolean force,
    GitTarget gitTarget) {

  public GenerateRequest {
    gitTarget = gitTarget == null ? GitTarget.SPEC : gitTarget;
  }

  /** A request for the specs' own GitOps targets. */
  public GenerateRequest(
      Path baseDir,
      Path spec,
      Path outputDirectory,
      Path crdsDirectory,
      Path overlaysDirectory,
      String pluginVersion,
      boolean force) {
    this(
        baseDir,
        spec,
        outputDirectory,
        crdsDirectory,
        overlaysDirectory,
        pluginVersion,
        force,
        GitTarget.SPEC);
  }

  /** A request that skips the work when the inputs are unchanged. */
  public GenerateRequest(
      Path baseDir,
      Path spec,
      Path outputDirectory,
      Path crdsDirectory,
      Path overlaysDirectory,
      String pluginVersion) {
    this(baseDir, spec, outputDirectory, crdsDirectory, overlaysDirectory, pluginVersion, false);
  }

  /** This request with {@code target} as the GitOps overrides. */
  public GenerateRequest withGitTarget(GitTarget target) {
    return new GenerateRequest(
        baseDir,
        spec,
        outputDirectory,
        crdsDirectory,
        overlaysDirectory,
        pluginVersion,
        force,
        target);
  }
}
