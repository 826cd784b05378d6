package dev.maas.plugin;

import dev.maas.api.MaasCompiler;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import java.io.File;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameter group every goal that reads specs shares (the skip switch, the spec, the warning
 * gate) and compiler-style reporting. Each goal declares the rest of what it reads itself.
 */
abstract class MaasMojo extends AbstractMojo {

  /** Skips every maas goal, with a log line saying so. */
  @Parameter(property = "maas.skip", defaultValue = "false")
  boolean skip;

  /**
   * A platform spec file, or a folder whose {@code *.yaml} and {@code *.yml} files are all specs.
   */
  @Parameter(property = "maas.spec", defaultValue = "${basedir}/platform-specs")
  File spec;

  /** Fails the build when a warning is found, as for an error. */
  @Parameter(property = "maas.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /** The folder file names in diagnostics are relative to. */
  @Parameter(defaultValue = "${basedir}", readonly = true)
  File basedir;

  /** Where a goal's requested result goes: standard output, which {@code -q} does not silence. */
  PrintStream out = System.out;

  /** Where a diagnostic goes when the log shows errors only ({@code -q}). */
  PrintStream err = System.err;

  /** The one compiler every goal calls. */
  final MaasCompiler compiler = new MaasCompiler();

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("maas: skipped (maas.skip=true)");
      return;
    }
    try {
      run();
    } catch (UncheckedIOException e) {
      // A full disk or a missing permission is the machine's state, not a bug: one line, no stack
      // trace.
      getLog().error("maas: " + e.getMessage());
      throw new MojoExecutionException(
          "maas: " + e.getMessage() + "; " + MaasCompiler.FAILED_WRITE_HINT);
    }
  }

  /** The goal's work. */
  abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * The folder that relative names are resolved against: the project, or the working folder outside
   * one.
   */
  Path baseDir() {
    return baseDir(basedir);
  }

  /** {@code basedir}, or the working folder outside a project. */
  static Path baseDir(File basedir) {
    return (basedir != null && !basedir.getPath().contains("${")
            ? basedir
            : new File(System.getProperty("user.dir")))
        .toPath();
  }

  /**
   * {@code file}, or {@code fallback} under {@link #baseDir()} when it is unset or still holds a
   * {@code ${...}} expression: outside a project Maven leaves {@code ${project.build.directory}} in
   * a default as it is, which would otherwise become a folder of that literal name.
   */
  Path pathOr(File file, String fallback) {
    return pathOr(basedir, file, fallback);
  }

  /** {@link #pathOr(File, String)} under {@code basedir}. */
  static Path pathOr(File basedir, File file, String fallback) {
    return file == null || file.getPath().contains("${")
        ? baseDir(basedir).resolve(fallback)
        : file.toPath();
  }

  /** The spec file or folder, also outside a project. */
  Path specPath() {
    return pathOr(spec, "platform-specs");
  }

  /** The hand-written overlays folder when it exists, else {@code null}. */
  Path overlaysPath(File overlays) {
    Path path = pathOr(overlays, "overlays");
    return Files.isDirectory(path) ? path : null;
  }

  /** Logs each diagnostic as a compiler would, then fails with the total when the run must fail. */
  void report(List<Diagnostic> diagnostics) throws MojoFailureException {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    String summary = Diagnostics.total(errors, warnings);
    for (Diagnostic d : diagnostics) {
      // A warning that fails the build (maas.failOnWarning) is an error of this run, and -q shows
      // errors.
      if (d.isError() || failOnWarning) {
        getLog().error(d.render());
      } else {
        warn(d.render());
      }
    }
    if (errors > 0 || (failOnWarning && warnings > 0)) {
      getLog().error(summary);
      throw new MojoFailureException(
          "maas: " + summary + (errors == 0 ? " (maas.failOnWarning=true)" : ""));
    }
    if (warnings > 0) {
      warn(summary);
    }
  }

  /**
   * A warning, also under {@code -q}: that hides Maven's progress, not what is wrong with the
   * user's input.
   */
  void warn(String line) {
    if (getLog().isWarnEnabled()) {
      getLog().warn(line);
    } else {
      err.println("[WARNING] " + line);
    }
  }
}
