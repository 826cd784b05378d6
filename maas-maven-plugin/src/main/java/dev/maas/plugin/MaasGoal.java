package dev.maas.plugin;

import dev.maas.api.MaasCompiler;
import java.io.File;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameter every maas goal reads, the skip switch, and the run of a goal: snapshot the
 * parameters into one request, then act on it.
 *
 * @param <R> the goal's request
 */
abstract class MaasGoal<R> extends AbstractMojo implements ParameterSnapshot<R> {

  /**
   * When Maven made this goal, before it set the parameters: what a goal costs before its first
   * decision is measured from here.
   */
  final long made = System.nanoTime();

  /** When {@link #execute} began. */
  long executed;

  /**
   * The processor time this thread had used when {@link #execute} began, in nanoseconds, read only
   * when the log shows debug lines (a loaded machine stretches wall times, not this); else -1.
   */
  long executedCpu = -1;

  /** Skips every maas goal, with a log line saying so. */
  @Parameter(property = "maas.skip", defaultValue = "false")
  boolean skip;

  /** The folder relative names are resolved against. */
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
    executed = System.nanoTime();
    if (getLog().isDebugEnabled()) {
      executedCpu = threadCpu();
    }
    if (skip) {
      getLog().info("maas: skipped (maas.skip=true)");
      return;
    }
    try {
      run(snapshot());
    } catch (UncheckedIOException e) {
      // A full disk or a missing permission is the machine's state, not a bug: one line, no stack
      // trace.
      getLog().error("maas: " + e.getMessage());
      throw new MojoExecutionException(
          "maas: " + e.getMessage() + "; " + MaasCompiler.FAILED_WRITE_HINT);
    }
  }

  /** The goal's work on its request: one call of the compiler, and what it logs. */
  abstract void run(R request) throws MojoExecutionException, MojoFailureException;

  /** The processor time this thread has used, in nanoseconds. */
  static long threadCpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** The folder relative names resolve against, also outside a project. */
  ProjectFolder folder() {
    return ProjectFolder.of(basedir);
  }

  /** Where this goal's diagnostics are printed. */
  DiagnosticsLog diagnostics() {
    return new DiagnosticsLog(getLog(), err);
  }
}
