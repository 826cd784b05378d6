package dev.maas.plugin;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that compile (explain, generate, plan, publish), besides the specs:
 * the CRDs the output is checked against and the hand-written overlays layered in.
 *
 * @param <R> the goal's request
 */
abstract class CompileGoal<R> extends SpecGoal<R> {

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

  /** The compiling parameters as one value. */
  CompileInputs compileInputs() {
    ProjectFolder folder = folder();
    return new CompileInputs(
        folder.path(),
        specPath(),
        crds == null ? null : crds.toPath(),
        folder.existingFolder(overlays, "overlays"),
        pluginVersion);
  }
}
