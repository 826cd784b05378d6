package dev.maas.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A quoted string compiles to a literal equal to the original text, and to nothing else. */
class CelStringsTest {

  private static final CelEngine CEL = CelEngine.withVariables("x");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "premium",
        "x\" || true || \"",
        "\" || true || \"",
        "\\",
        "\\\"",
        "a\\\" || true || \\\"b",
        "line\nbreak",
        "tab\tcr\r",
        "\u0000nul\u0001\u001f\u007f",
        "é ü ß 東京 \u202e bidi",
        "emoji 😀 𝔘",
        "'single' '''triple'''",
        "\"\"\"raw\"\"\"",
        "${x}",
        "r\"raw\"",
        "\\u0041 not an escape",
        "/* c */ // c"
      })
  void literalEqualsTheOriginal(String text) throws CelFailure {
    String quoted = CelStrings.quote(text);
    CelExpression equal = CEL.compile(quoted + " == x");
    assertTrue(equal.test(Map.of("x", text)), quoted);
    assertEquals(text, CEL.compile(quoted).evaluate(Map.of()));
  }

  @Test
  void injectionAttemptStaysOneLiteral() throws CelFailure {
    String hostile = "x\" || true || \"";
    CelExpression equal = CEL.compile(CelStrings.quote(hostile) + " == x");
    assertFalse(equal.test(Map.of("x", "something else")));
    assertEquals("\"x\\\" || true || \\\"\"", CelStrings.quote(hostile));
  }

  @Test
  void everyCharacterSurvives() throws CelFailure {
    StringBuilder all = new StringBuilder();
    for (int cp = 0; cp < 0x3000; cp++) {
      if (!Character.isSurrogate((char) cp)) {
        all.appendCodePoint(cp);
      }
    }
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
      if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
        all.appendCodePoint(cp);
      }
    }
    String text = all.toString();
    assertTrue(CEL.compile(CelStrings.quote(text) + " == x").test(Map.of("x", text)));
  }

  @Test
  void loneSurrogateIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CelStrings.quote("a\ud800b"));
    assertEquals("text has a lone surrogate at index 1; it is not valid Unicode", e.getMessage());
  }
}
