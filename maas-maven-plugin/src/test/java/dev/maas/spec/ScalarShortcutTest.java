package dev.maas.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcut that reads most plain scalars as text without trying the typed patterns loses no
 * typed value.
 */
class ScalarShortcutTest {

  private static final String ALPHABET = "~tTfFnNyYoOrRuUeElLsSaAiI+-.0123456789_:xXbB ";

  @Test
  void everyScalarAPatternMatchesIsTriedAgainstThePatterns() {
    List<String> candidates =
        new ArrayList<>(
            List.of(
                "",
                "~",
                "null",
                "Null",
                "NULL",
                "true",
                "True",
                "TRUE",
                "false",
                "FALSE",
                "010",
                "-007",
                "42",
                "+42",
                "0o17",
                "0x1F",
                "0xff",
                "1.5",
                "-.5e3",
                ".5",
                "+1e10",
                ".inf",
                "-.Inf",
                "+.INF",
                ".nan",
                ".NaN",
                "y",
                "Y",
                "yes",
                "No",
                "on",
                "OFF",
                "1_000",
                "-1_0",
                "1:30",
                "+190:20:30"));
    // Every string of up to three characters over the characters the patterns are made of.
    for (char a : ALPHABET.toCharArray()) {
      candidates.add(String.valueOf(a));
      for (char b : ALPHABET.toCharArray()) {
        candidates.add("" + a + b);
        for (char c : ALPHABET.toCharArray()) {
          candidates.add("" + a + b + c);
        }
      }
    }
    int typed = 0;
    for (String text : candidates) {
      if (SpecReader.TYPED_PATTERNS.stream()
          .map(p -> p.matcher(text))
          .anyMatch(java.util.regex.Matcher::matches)) {
        typed++;
        assertTrue(
            SpecReader.mayBeTyped(text),
            "`" + text + "` matches a typed pattern but would be read as text");
      }
    }
    assertTrue(typed > 1000, "the candidates must exercise the patterns, matched: " + typed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "model-248",
        "granite-8b",
        "llm",
        "hf://ibm-granite/granite-8b",
        "maas-gateway",
        "Gateway",
        "premium",
        "/spec",
        "*"
      })
  void namesSkipThePatterns(String name) {
    assertFalse(SpecReader.mayBeTyped(name), name);
    assertFalse(
        SpecReader.TYPED_PATTERNS.stream().map(Pattern::pattern).anyMatch(name::matches), name);
  }
}
