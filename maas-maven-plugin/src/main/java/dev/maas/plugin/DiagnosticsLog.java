package dev.maas.plugin;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import java.io.PrintStream;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Prints diagnostics as a compiler does, each on its own line and then the total, into Maven's log.
 *
 * @param log Maven's log
 * @param err where a warning goes when the log shows errors only ({@code -q})
 */
record DiagnosticsLog(Log log, PrintStream err) {

  /** Logs each diagnostic, then fails with the total when the run must fail. */
  void report(List<Diagnostic> diagnostics, Gates gates) throws MojoFailureException {
    boolean failOnWarning = gates.failOnWarning();
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    String summary = Diagnostics.total(errors, warnings);
    for (Diagnostic d : diagnostics) {
      // A warning that fails the build (maas.failOnWarning) is an error of this run, and -q shows
      // errors.
      if (d.isError() || failOnWarning) {
        log.error(d.render());
      } else {
        warn(d.render());
      }
    }
    if (errors > 0 || (failOnWarning && warnings > 0)) {
      log.error(summary);
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
    if (log.isWarnEnabled()) {
      log.warn(line);
    } else {
      err.println("[WARNING] " + line);
    }
  }
}
