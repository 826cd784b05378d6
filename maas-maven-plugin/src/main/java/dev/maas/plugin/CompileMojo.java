package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GitTarget;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameter group of the goals that compile (explain, generate, plan, publish): the CRDs the
 * output is checked against, the hand-written overlays layered in, and the plugin's version
 * recorded in the output.
 */
abstract class CompileMojo extends MaasMojo {

  /**
   * A folder of CustomResourceDefinitions to validate every compiled object against (schema and CEL
   * rules); their parsed form is kept between runs in a {@code .maas-cache} folder beside the
   * goal's output.
   */
  @Parameter(property = "maas.crds")
  File crds;

  /**
   * Hand-written Kustomize overlays ({@code <dir>/<env>/}) layered into the generated ones, never
   * overwritten.
   */
  @Parameter(property = "maas.overlays", defaultValue = "${basedir}/overlays")
  File overlays;

  /** The plugin's version, recorded in the output's provenance. */
  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  String pluginVersion;

  /** The CRD folder, or {@code null}. */
  Path crdsPath() {
    return crds == null ? null : crds.toPath();
  }

  /** The compilation this goal asks for, its output (or CRD cache) in {@code outputDirectory}. */
  GenerateRequest compileRequest(Path outputDirectory, boolean force, GitTarget target) {
    return new GenerateRequest(
        baseDir(),
        specPath(),
        outputDirectory,
        crdsPath(),
        overlaysPath(overlays),
        pluginVersion,
        force,
        target);
  }
}
