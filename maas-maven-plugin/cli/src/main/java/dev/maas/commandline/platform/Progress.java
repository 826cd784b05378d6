package dev.maas.commandline.platform;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A one-line progress indicator on long work, drawn only when standard output is a terminal: piped
 * or redirected output stays exactly the diagnostics and results.
 */
final class Progress {

  private static final String[] SPINNER = {"|", "/", "-", "\\"};

  private Progress() {}

  /** Whether standard input and output are a terminal. */
  static boolean terminal() {
    java.io.Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      // JDK 22 and later return a console for pipes too; isTerminal() says whether it is one.
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /**
   * Runs {@code work}, showing {@code what} and the seconds elapsed on {@code out} while it runs,
   * if a terminal.
   */
  static <T> T around(String what, PrintWriter out, Supplier<T> work) {
    if (!terminal()) {
      return work.get();
    }
    long start = System.nanoTime();
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "maas-progress");
              t.setDaemon(true);
              return t;
            });
    int[] tick = {0};
    Runnable draw =
        () -> {
          synchronized (out) {
            out.print(
                "\r"
                    + SPINNER[tick[0]++ % SPINNER.length]
                    + " maas: "
                    + what
                    + " "
                    + String.format("%.1fs", (System.nanoTime() - start) / 1e9));
            out.flush();
          }
        };
    draw.run();
    ticker.scheduleAtFixedRate(draw, 100, 100, TimeUnit.MILLISECONDS);
    try {
      return work.get();
    } finally {
      ticker.shutdownNow();
      synchronized (out) {
        out.print("\r" + " ".repeat(what.length() + 20) + "\r");
        out.flush();
      }
    }
  }
}
