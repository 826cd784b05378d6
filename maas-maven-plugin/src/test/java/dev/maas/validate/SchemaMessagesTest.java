package dev.maas.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.diag.Diagnostic;
import dev.maas.spec.SpecReader;
import dev.maas.validate.rules.ReferenceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The words for a value that misses a pattern live in the schema, beside the pattern ({@code
 * x-maas-message}).
 */
class SchemaMessagesTest {

  private static void walk(
      JsonNode node, String pointer, List<String> patterns, List<String> missing) {
    if (node.isObject()) {
      if (node.path("pattern").isTextual()) {
        patterns.add(pointer);
        JsonNode message = node.path(SchemaCheck.MESSAGE);
        if (!message.path("text").isTextual()
            || message.path("text").asText().isBlank()
            || !message.path("hint").isTextual()
            || message.path("hint").asText().isBlank()) {
          missing.add(pointer);
        }
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!List.of("examples", "default", "enum", "const", SchemaCheck.MESSAGE)
            .contains(field.getKey())) {
          walk(field.getValue(), pointer + "/" + field.getKey(), patterns, missing);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, patterns, missing);
      }
    }
  }

  @Test
  void everyPatternHasAMessageWithTextAndHint() {
    List<String> patterns = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    walk(PlatformSchema.get().tree(), "#", patterns, missing);
    assertTrue(patterns.size() >= 40, "only " + patterns.size() + " patterns found");
    assertEquals(List.of(), missing, "patterns without " + SchemaCheck.MESSAGE);
  }

  @Test
  void editingAPatternKeepsItsMessage() {
    String packaged = PlatformSchema.get().text();
    String window = "\"^([0-9]{1,5}(ms|s|m|h|d))+$\"".replace("\\", "\\\\");
    assertTrue(packaged.contains(window), "the window pattern moved; update this test");
    String edited = packaged.replace(window, "\"^([0-9]{1,6}(ms|s|m|h|d))+$\"");
    assertNotEquals(packaged, edited);
    List<String> lines =
        validate(
            PlatformSchema.of(edited),
            "[{limit: 5, window: 2m}]",
            "[{limit: 5, window: 2 minutes}]");
    assertEquals(
        List.of(
            "spec.yaml:34:39: error: /spec/tiers/0/limits/requests/0/window: \"2 minutes\" is not a window"
                + " (write number-unit pairs with units ms, s, m, h or d, e.g. 30s, 2m, 1h30m or 1d) [schema.pattern]"),
        lines);
    assertEquals(
        List.of(
            "spec.yaml:34:39: error: /spec/tiers/0/limits/requests/0/window: \"90\" is not a window"
                + " (add a unit, e.g. 90s or 90m) [schema.pattern]"),
        validate(
            PlatformSchema.of(edited), "[{limit: 5, window: 2m}]", "[{limit: 5, window: \"90\"}]"));
  }

  @Test
  void aKeyThatMissesItsPatternIsNamedInTheSchemasWords() {
    List<String> lines =
        validate(
            PlatformSchema.get(),
            "  - name: prod\n",
            "  - name: prod\n      destination: {clusterSelector: {matchLabels: {\"-bad\": x}}}\n");
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("the key `-bad` is not a label key")),
        lines::toString);
  }

  private static List<String> validate(PlatformSchema schema, String from, String to) {
    String text = ReferenceSpec.edit(from, to);
    return new SpecValidator(new SpecReader(), new SchemaCheck(schema), SemanticRules.all())
        .validate(text.getBytes(StandardCharsets.UTF_8), "spec.yaml").diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(Diagnostic::render)
            .toList();
  }
}
