package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a schema's {@code default}s the way the API server does before it validates, so that
 * rules such as Gateway API's {@code size(self.group) == 0} see the defaulted field. Works on a
 * copy the caller owns.
 */
final class Defaults {

  private Defaults() {}

  /** Fills absent fields that have defaults, in {@code node} and below. */
  static void apply(JsonNode node, SchemaNode s, boolean root) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, SchemaNode> p : s.properties.entrySet()) {
        JsonNode present = object.get(p.getKey());
        boolean missing = present == null || (present.isNull() && !p.getValue().nullable);
        if (missing && p.getValue().defaultValue != null) {
          object.set(p.getKey(), p.getValue().defaultValue.deepCopy());
        }
      }
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      object.properties().forEach(fields::add);
      for (Map.Entry<String, JsonNode> field : fields) {
        if (root && field.getKey().equals("metadata")) {
          continue;
        }
        SchemaNode child = s.properties.get(field.getKey());
        if (child == null) {
          child = s.additionalProperties;
        }
        if (child != null) {
          apply(field.getValue(), child, false);
        }
      }
    } else if (node != null && node.isArray() && s.items != null) {
      node.forEach(item -> apply(item, s.items, false));
    }
  }
}
