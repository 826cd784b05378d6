package dev.maas.tokenservice.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Client text in log lines: control and line-breaking characters escaped, long text cut. */
class LogTextTest {

  @Test
  void controlAndLineBreakingCharactersAreEscaped() {
    assertEquals(
        "a\\u000ab\\u001b[31m\\u0085c\\u2028d\\u007f\\u005c",
        LogText.escape("a\nb\u001b[31m\u0085c\u2028d\u007f\\"));
    assertEquals("plain name é", LogText.escape("plain name é"));
    assertEquals("(none)", LogText.escape(null));
  }

  @Test
  void longTextIsCut() {
    String escaped = LogText.escape("x".repeat(100_000));
    assertTrue(escaped.length() < 230, escaped.length() + " characters");
    assertTrue(escaped.endsWith("(100000 chars)"));
  }
}
