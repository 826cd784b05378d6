package dev.maas.commandline.platform;

import dev.maas.commandline.ExitCodes;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import java.io.PrintWriter;
import java.util.List;

/**
 * What a platform command prints and the exit status it gives, for the picocli commands and the
 * unchanged generate answered before picocli alike, so that both print the same bytes.
 */
final class Report {

  private Report() {}

  /** Prints {@code diagnostics} and the total; the exit status they give. */
  static int diagnostics(
      List<Diagnostic> diagnostics,
      boolean failOnWarning,
      String verb,
      PrintWriter out,
      PrintWriter err) {
    // Loops and builders rather than streams and string +: an unchanged generate runs this in a
    // fresh JVM, where each lambda and concatenation costs its first use.
    long errors = 0;
    for (Diagnostic d : diagnostics) {
      err.println(d.render());
      if (d.isError()) {
        errors++;
      }
    }
    long warnings = diagnostics.size() - errors;
    String total = Diagnostics.total(errors, warnings);
    if (errors > 0 || (failOnWarning && warnings > 0)) {
      err.println(
          errors == 0 ? total.concat(" (" + GenerateArguments.FAIL_ON_WARNING + ")") : total);
      return ExitCodes.INPUT;
    }
    if (verb != null) {
      out.println(new StringBuilder("maas: ").append(verb).append(" (").append(total).append(')'));
    }
    return ExitCodes.OK;
  }

  /**
   * An unchanged generate: the warnings the last run recorded, reported and gated on as that run
   * did, and the line that says nothing was written.
   */
  static int upToDate(
      List<Diagnostic> recorded, boolean failOnWarning, PrintWriter out, PrintWriter err) {
    int status = diagnostics(recorded, failOnWarning, null, out, err);
    out.println("maas: up to date; nothing rendered or written");
    return status;
  }
}
