package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.GitTarget;
import dev.maas.api.MaasCompiler;
import dev.maas.diag.Diagnostic;
import dev.maas.plugin.fork.ForkedJvm;
import dev.maas.plugin.fork.ForkedOutcome;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
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
public class GenerateMojo extends CompileGoal<GoalRequest<Generation>> {

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

  /**
   * Compiles in a JVM of its own when the inputs changed (or {@code maas.force} is set): one tuned
   * for a run of seconds (C1 only, the parallel collector, a class-data archive), started with the
   * plugin's class path. Maven's JVM keeps its default JIT and collector, which take about three
   * times the processor time for the same compile. The archive is recorded by the first forked run
   * of a plugin version on a JDK into {@code maas/} beside the local repository (the jars it refers
   * to live there, and {@code mvn clean} keeps it), and is ignored by a JVM it does not fit. The
   * check that the inputs are unchanged still runs in Maven's JVM and answers an unchanged run
   * without forking. Diagnostics, the lines written, failures and the exit of the build are the
   * same as in Maven's JVM. {@code false} compiles in Maven's JVM.
   */
  @Parameter(property = "maas.fork", defaultValue = "true")
  boolean fork;

  /**
   * The {@code java} executable the forked compilation runs on; by default that of the JDK Maven
   * runs on ({@code java.home}).
   */
  @Parameter(property = "maas.jvm")
  File jvm;

  /** The plugin's artifacts: the forked JVM's class path. */
  @Parameter(defaultValue = "${plugin}", readonly = true)
  PluginDescriptor plugin;

  /** The local repository; class-data archives are kept beside it. */
  @Parameter(defaultValue = "${settings.localRepository}", readonly = true)
  File localRepository;

  @Override
  public GoalRequest<Generation> snapshot() {
    Path out = folder().resolve(outputDirectory, "target/maas");
    GenerateRequest call = compileInputs().generate(out, force, GitTarget.SPEC);
    return new GoalRequest<>(new Generation(call, fork ? forkedJvm() : null), gates());
  }

  /** The JVM a compiling run forks to. */
  private ForkedJvm forkedJvm() {
    Path java = jvm == null ? ForkedJvm.currentJava() : jvm.toPath();
    Path archives =
        localRepository == null || localRepository.getPath().contains("${")
            ? null
            : localRepository.toPath().toAbsolutePath().resolveSibling("maas");
    return new ForkedJvm(java, classPath(), archives);
  }

  /**
   * The plugin's jar and its dependencies as Maven resolved them; outside Maven (a test), this
   * JVM's class path.
   */
  private List<Path> classPath() {
    List<Path> entries = new ArrayList<>();
    if (plugin != null && plugin.getArtifacts() != null) {
      for (Artifact artifact : plugin.getArtifacts()) {
        if (artifact.getFile() != null) {
          entries.add(artifact.getFile().toPath());
        }
      }
      Path own = ownJar();
      if (own != null && !entries.contains(own)) {
        entries.add(0, own);
      }
      return List.copyOf(entries);
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry));
      }
    }
    return List.copyOf(entries);
  }

  /** Where this plugin's classes were loaded from. */
  private static Path ownJar() {
    try {
      return Path.of(
          GenerateMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  @Override
  void run(GoalRequest<Generation> goal) throws MojoExecutionException, MojoFailureException {
    GenerateRequest call = goal.call().request();
    ForkedJvm forked = goal.call().fork();
    if (forked == null) {
      GenerateResult result = compiler.generate(call);
      report(call, goal.gates(), result.diagnostics(), result.upToDate(), result.writeLines());
      return;
    }
    // An unchanged run is answered here, in tens of milliseconds: starting a JVM would cost more.
    GenerateResult unchanged = MaasCompiler.upToDate(call);
    if (unchanged != null) {
      report(call, goal.gates(), unchanged.diagnostics(), true, List.of());
      return;
    }
    ForkedOutcome outcome;
    try {
      outcome = forked.generate(call, line -> getLog().debug(line));
    } catch (IOException e) {
      throw new MojoExecutionException(
          "maas: "
              + e.getMessage()
              + " (maas.jvm names the java to fork; maas.fork=false compiles in Maven's JVM)",
          e);
    }
    if (outcome.failedWrite() != null) {
      // The same failure, and so the same message and build failure, as in Maven's JVM.
      throw new UncheckedIOException(outcome.failedWrite(), new IOException(outcome.failedWrite()));
    }
    if (outcome.crash() != null) {
      throw new MojoExecutionException(
          "maas: the forked compilation failed: "
              + outcome.crash()
              + " (its stack trace is above; maas.fork=false compiles in Maven's JVM)");
    }
    report(call, goal.gates(), outcome.diagnostics(), outcome.upToDate(), outcome.writeLines());
  }

  /** What a run logs, wherever it compiled: its diagnostics, then what it wrote. */
  private void report(
      GenerateRequest call,
      Gates gates,
      List<Diagnostic> diagnostics,
      boolean upToDate,
      List<String> writeLines)
      throws MojoFailureException {
    if (upToDate && getLog().isDebugEnabled()) {
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
    diagnostics().report(diagnostics, gates);
    if (upToDate) {
      getLog()
          .info(
              String.format(
                  "maas: %s is up to date (spec, overlays, CRDs and plugin unchanged; checked in %d ms);"
                      + " nothing rendered or written (-Dmaas.force=true compiles anyway)",
                  call.outputDirectory(), (System.nanoTime() - executed) / 1_000_000));
      return;
    }
    writeLines.forEach(line -> getLog().info("maas: " + line));
  }
}
