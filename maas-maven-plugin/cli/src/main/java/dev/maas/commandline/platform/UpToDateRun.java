package dev.maas.commandline.platform;

import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An unchanged {@code generate} answered before picocli builds its command model (most of such a
 * run's time otherwise): the compiler's own up-to-date check, and the same report as the {@code
 * generate} command prints.
 */
public final class UpToDateRun {

  /** What {@link #run} returns when it did not answer: the full command line must run. */
  public static final int NOT_ANSWERED = -1;

  private UpToDateRun() {}

  /**
   * Answers {@code args} when they are a plain {@code generate} whose inputs are unchanged: prints
   * what {@code generate} prints and returns its exit status; otherwise prints nothing and returns
   * {@link #NOT_ANSWERED}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    GenerateArguments plain = GenerateArguments.plain(args);
    if (plain == null) {
      return NOT_ANSWERED;
    }
    GenerateResult unchanged;
    try {
      unchanged =
          MaasCompiler.upToDate(
              Compiler.generateRequest(
                  Path.of("").toAbsolutePath(),
                  plain.spec(),
                  plain.output(),
                  plain.crds(),
                  plain.overlays(),
                  false));
    } catch (UncheckedIOException e) {
      // The full run reports it, with its hint.
      return NOT_ANSWERED;
    }
    if (unchanged == null) {
      return NOT_ANSWERED;
    }
    return Report.upToDate(unchanged.checks(), plain.failOnWarning(), out, err);
  }
}
