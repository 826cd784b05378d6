package dev.maas.api;

import java.io.PrintStream;

/**
 * How long each stage of a run took, printed to standard error when the system property {@code
 * maas.timings} is {@code true} (the command line's {@code --timings}); silent otherwise.
 */
final class StageClock {

  private final boolean on = Boolean.getBoolean("maas.timings");
  private final PrintStream err = System.err;
  private long start = System.nanoTime();

  /** Prints the time since the last mark (or since this clock was made) under {@code stage}. */
  void mark(String stage) {
    if (on) {
      long now = System.nanoTime();
      err.printf("maas: timing %-12s %6d ms%n", stage, (now - start) / 1_000_000);
      start = now;
    }
  }
}
