package dev.maas.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A rendered diagnostic is one printable line whatever the spec's values hold. */
class DiagnosticRenderTest {

  private static String rendered(String message) {
    return Diagnostic.warning("c", new SourceLocation("s.yaml", 3, 7), "/spec/x", message, null)
        .render();
  }

  @Test
  void controlZeroWidthAndOverrideCharactersAreEscapedAndTheRestKept() {
    assertEquals(
        "s.yaml:3:7: warning: /spec/x: a\\u001b[2Jb\\u000a\\u202ec\\ufeff\\u200bd\\u0085 [c]",
        rendered("a\u001b[2Jb\n\u202ec\ufeff\u200bd\u0085"));
    // A character outside the BMP and a lone surrogate are text, not controls.
    assertEquals(
        "s.yaml:3:7: warning: /spec/x: \uD83D\uDE00 x\uD83D y\u00e9\u2027\u202f [c]",
        rendered("\uD83D\uDE00 x\uD83D y\u00e9\u2027\u202f"));
    assertEquals("s.yaml:3:7: warning: /spec/x: plain [c]", rendered("plain"));
  }
}
