package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import dev.maas.output.TreeWriter;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates, then compiles each platform spec into Kustomize base and overlays under the output folder. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false, threadSafe = true)
public class GenerateMojo extends AbstractMaasMojo {

  /** Where {@code <platform>/base}, {@code <platform>/overlays/<env>} and {@code <platform>/argocd} are written. */
  @Parameter(property = "maas.outputDirectory", defaultValue = "${project.build.directory}/maas")
  File outputDirectory;

  /**
   * A folder of CustomResourceDefinitions to validate every generated object against (schema and CEL rules); their
   * parsed form is kept in {@code <outputDirectory>/.maas-cache} while the folder is unchanged.
   */
  @Parameter(property = "maas.crds")
  File crds;

  /** Hand-written Kustomize overlays ({@code <dir>/<env>/}) layered into the generated ones, never overwritten. */
  @Parameter(property = "maas.overlays", defaultValue = "${basedir}/overlays")
  File overlays;

  /** Compiles and writes even when the spec, overlays, CRDs and plugin are unchanged since the last run. */
  @Parameter(property = "maas.force", defaultValue = "false")
  boolean force;

  /** The plugin's version, recorded in the output's provenance. */
  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  String pluginVersion;

  /** The output folder, also outside a project. */
  Path outputPath() {
    return pathOr(outputDirectory, "target/maas");
  }

  /** The request this goal's parameters describe. */
  GenerateRequest generateRequest(Path out) {
    return new GenerateRequest(baseDir().toPath(), specPath(), out,
        crds == null ? null : crds.toPath(), overlaysPath(overlays),
        pluginVersion, force);
  }

  @Override
  void run() throws MojoFailureException {
    Path out = outputPath();
    GenerateRequest request = generateRequest(out);
    long started = System.nanoTime();
    GenerateResult result = new MaasCompiler().generate(request);
    List<Diagnostic> all = result.diagnostics();
    long errors = all.stream().filter(Diagnostic::isError).count();
    long warnings = all.size() - errors;
    report(all, errors, warnings, Diagnostics.total(errors, warnings));
    if (result.upToDate()) {
      getLog().info(String.format("maas: %s is up to date (spec, overlays, CRDs and plugin unchanged; checked in %d ms);"
          + " nothing rendered or written (-Dmaas.force=true compiles anyway)", out, (System.nanoTime() - started) / 1_000_000));
      return;
    }
    for (Map.Entry<Path, TreeWriter.Report> written : result.written().entrySet()) {
      TreeWriter.Report r = written.getValue();
      getLog().info("maas: wrote " + written.getKey() + (r.isNoOp() ? " (up to date, nothing changed)"
          : " (" + r.added().size() + " added, " + r.changed().size() + " changed, " + r.removed().size() + " removed, "
              + r.unchanged() + " unchanged)"));
    }
  }
}
