package dev.maas.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;

/**
 * A diagnostic as printed, for tests about its words: its code is checked here (in the catalogue,
 * printed last) and left off, so that a test of a message states the message only.
 */
public final class Rendered {

  private Rendered() {}

  /**
   * The printed line of {@code d} without its trailing {@code [code]}, once the code is known to
   * the catalogue.
   */
  public static String withoutCode(Diagnostic d) {
    String line = d.render();
    String suffix = " [" + d.code() + "]";
    assertTrue(
        DiagnosticCatalogue.get().find(d.code()).isPresent(),
        d.code() + " is not in the catalogue: " + line);
    assertTrue(line.endsWith(suffix), "the code is not printed last: " + line);
    return line.substring(0, line.length() - suffix.length());
  }
}
