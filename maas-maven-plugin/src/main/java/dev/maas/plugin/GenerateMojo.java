package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.GitTarget;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates, then compiles each platform spec into Kustomize base and overlays under the output
 * folder.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresProject = false,
    threadSafe = true)
public class GenerateMojo extends CompileGoal<GoalRequest<GenerateRequest>> {

  /**
   * Where {@code <platform>/base}, {@code <platform>/overlays/<env>} and {@code <platform>/argocd}
   * are written.
   */
  @Parameter(property = "maas.outputDirectory", defaultValue = "${project.build.directory}/maas")
  File outputDirectory;

  /**
   * Compiles and writes even when the spec, overlays, CRDs and plugin are unchanged since the last
   * run.
   */
  @Parameter(property = "maas.force", defaultValue = "false")
  boolean force;

  @Override
  public GoalRequest<GenerateRequest> snapshot() {
    Path out = folder().resolve(outputDirectory, "target/maas");
    return new GoalRequest<>(compileInputs().generate(out, force, GitTarget.SPEC), gates());
  }

  @Override
  void run(GoalRequest<GenerateRequest> request) throws MojoFailureException {
    GenerateResult result = compiler.generate(request.call());
    if (result.upToDate() && getLog().isDebugEnabled()) {
      long decided = System.nanoTime();
      getLog()
          .debug(
              String.format(
                  "maas: up to date: decided %d ms after the goal was made, %d ms (%d ms of"
                      + " processor time) after it began",
                  (decided - made) / 1_000_000,
                  (decided - executed) / 1_000_000,
                  (threadCpu() - executedCpu) / 1_000_000));
    }
    diagnostics().report(result.diagnostics(), request.gates());
    if (result.upToDate()) {
      getLog()
          .info(
              String.format(
                  "maas: %s is up to date (spec, overlays, CRDs and plugin unchanged; checked in %d ms);"
                      + " nothing rendered or written (-Dmaas.force=true compiles anyway)",
                  request.call().outputDirectory(), (System.nanoTime() - executed) / 1_000_000));
      return;
    }
    result.writeLines().forEach(line -> getLog().info("maas: " + line));
  }
}
