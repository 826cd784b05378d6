package dev.maas.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.diag.Suggestions;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.SpecDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Validates a spec against the JSON Schema and turns each violation into a located diagnostic. */
public final class SchemaCheck {

  /** Patterns the schema uses, with the words a person needs when a value misses one. */
  private static final Map<String, String[]> PATTERN_WORDS = Map.of(
      "^([0-9]{1,5}(ms|s|m|h|d))+$", new String[] {"is not a window", "use ms, s, m, h or d, e.g. 24h"},
      "^([0-9]{1,5}(s|m|h|d))+$", new String[] {"is not a duration", "use s, m, h or d, e.g. 4h"},
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", new String[] {"is not a DNS-1123 label",
          "use lower-case letters, digits and '-', starting and ending with a letter or digit"},
      "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", new String[] {"is not a DNS-1123 subdomain",
          "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"},
      "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$", new String[] {
          "is not a hostname", "use a fully qualified lower-case DNS name such as maas.example.com"},
      "^([0-9]+(\\.[0-9]+)?|[0-9]+m)$", new String[] {"is not a CPU quantity", "use cores such as 2 or 0.5, or millicores such as 500m"},
      "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$", new String[] {"is not a memory quantity", "use a number with a unit such as 512Mi or 24Gi"});

  private final PlatformSchema schema;

  public SchemaCheck(PlatformSchema schema) {
    this.schema = schema;
  }

  /** Every schema violation in {@code document}, located. */
  public List<Diagnostic> check(SpecDocument document) {
    JsonNode json = document.toJson();
    List<Error> errors = schema.compiled().validate(json);
    List<Diagnostic> out = new ArrayList<>();
    for (Error error : errors) {
      Diagnostic d = toDiagnostic(document, error);
      if (d != null) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparing(Diagnostic::pointer).thenComparing(Diagnostic::message));
    return out;
  }

  private Diagnostic toDiagnostic(SpecDocument document, Error error) {
    String pointer = pointer(error.getInstanceLocation());
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    JsonNode instance = error.getInstanceNode();
    String schemaFragment = error.getSchemaLocation() == null ? "" : String.valueOf(error.getSchemaLocation().getFragment());
    JsonNode keywordValue = schema.at(schemaFragment);
    JsonNode owner = schema.at(parentFragment(schemaFragment));
    String code = "schema." + keyword;
    switch (keyword) {
      case "additionalProperties": {
        String property = error.getProperty();
        String child = JsonPointers.child(pointer, property);
        List<String> known = propertyNames(owner);
        String hint = Suggestions.didYouMean(property, known);
        if (hint == null) {
          hint = known.isEmpty() ? "remove it" : "remove it; known properties: " + String.join(", ", known);
        }
        return Diagnostic.error(code, document.locateKey(child), child, "unknown property `" + property + "`", hint);
      }
      case "required": {
        String property = error.getProperty();
        JsonNode description = owner.path("properties").path(property).path("description");
        return Diagnostic.error(code, document.locate(pointer), pointer, "missing required property `" + property + "`",
            description.isTextual() ? "add `" + property + "`: " + description.asText() : "add `" + property + "`");
      }
      case "type": {
        String expected = keywordValue.isTextual() ? keywordValue.asText() : String.valueOf(keywordValue);
        return Diagnostic.error(code, document.locate(pointer), pointer,
            "expected " + article(expected) + ", found " + describe(instance), typeHint(expected, instance));
      }
      case "pattern": {
        String pattern = keywordValue.asText();
        String[] words = PATTERN_WORDS.get(pattern);
        String value = instance == null ? "" : instance.asText();
        if (words != null) {
          return Diagnostic.error(code, document.locate(pointer), pointer, quote(value) + " " + words[0], words[1]);
        }
        return Diagnostic.error(code, document.locate(pointer), pointer,
            quote(value) + " does not match the pattern " + pattern, describeOwner(owner));
      }
      case "enum": {
        List<String> allowed = new ArrayList<>();
        keywordValue.forEach(v -> allowed.add(v.asText()));
        String value = instance == null ? "" : instance.asText();
        String hint = Suggestions.didYouMean(value, allowed);
        return Diagnostic.error(code, document.locate(pointer), pointer,
            quote(value) + " is not one of: " + String.join(", ", allowed), hint == null ? describeOwner(owner) : hint);
      }
      case "const":
        return Diagnostic.error(code, document.locate(pointer), pointer,
            describe(instance) + " is not allowed here; it must be " + quote(keywordValue.asText()), null);
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum": {
        String bound = keywordValue.asText();
        String relation = keyword.endsWith("inimum") ? "below the minimum of " : "above the maximum of ";
        if (keyword.startsWith("exclusive")) {
          relation = keyword.endsWith("inimum") ? "not above " : "not below ";
        }
        return Diagnostic.error(code, document.locate(pointer), pointer,
            (instance == null ? "value" : instance.asText()) + " is " + relation + bound, describeOwner(owner));
      }
      case "minItems":
        return Diagnostic.error(code, document.locate(pointer), pointer,
            "needs at least " + keywordValue.asInt() + (keywordValue.asInt() == 1 ? " item" : " items"), describeOwner(owner));
      case "maxItems":
        return Diagnostic.error(code, document.locate(pointer), pointer,
            "has more than " + keywordValue.asInt() + " items", describeOwner(owner));
      case "uniqueItems":
        return Diagnostic.error(code, document.locate(pointer), pointer, "holds the same item twice", "remove the repeated item");
      case "minLength":
        return Diagnostic.error(code, document.locate(pointer), pointer,
            keywordValue.asInt() == 1 ? "must not be empty" : "is shorter than " + keywordValue.asInt() + " characters",
            describeOwner(owner));
      case "maxLength":
        return Diagnostic.error(code, document.locate(pointer), pointer,
            quote(instance == null ? "" : instance.asText()) + " is longer than " + keywordValue.asInt() + " characters",
            "shorten it");
      case "minProperties":
        return Diagnostic.error(code, document.locate(pointer), pointer,
            "needs at least one of: " + String.join(", ", propertyNames(owner)), describeOwner(owner));
      case "propertyNames":
        return null; // reported by the nested pattern/maxLength error on the name itself
      case "false":
        return null;
      default:
        return Diagnostic.error(code, document.locate(pointer), pointer, error.getMessage(), null);
    }
  }

  private static String parentFragment(String fragment) {
    int slash = fragment.lastIndexOf('/');
    return slash <= 0 ? "#" : fragment.substring(0, slash);
  }

  private static List<String> propertyNames(JsonNode owner) {
    TreeSet<String> names = new TreeSet<>();
    owner.path("properties").fieldNames().forEachRemaining(names::add);
    return List.copyOf(names);
  }

  private static String describeOwner(JsonNode owner) {
    JsonNode description = owner.path("description");
    return description.isTextual() ? description.asText() : null;
  }

  private static String pointer(NodePath path) {
    String pointer = "";
    if (path == null) {
      return pointer;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer = element instanceof Integer index ? JsonPointers.child(pointer, index) : JsonPointers.child(pointer, String.valueOf(element));
    }
    return pointer;
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "array", "object" -> "an " + type;
      default -> "a " + type;
    };
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing (null)";
    }
    if (node.isTextual()) {
      return "the text " + quote(node.asText());
    }
    if (node.isBoolean()) {
      return "the boolean " + node.asText();
    }
    if (node.isIntegralNumber()) {
      return "the integer " + node.asText();
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    if (node.isArray()) {
      return "a list";
    }
    return "a mapping";
  }

  private static String typeHint(String expected, JsonNode found) {
    if ("integer".equals(expected) && found != null && found.isTextual() && found.asText().matches("-?[0-9]+")) {
      return "remove the quotes";
    }
    if ("boolean".equals(expected) && found != null && found.isTextual()) {
      return "write true or false";
    }
    if ("string".equals(expected) && found != null && !found.isContainerNode()) {
      return "quote the value";
    }
    if ("array".equals(expected)) {
      return "write a list, e.g. [a, b]";
    }
    return null;
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  /** The location of {@code pointer} in {@code document}; exposed for rules that point at keys. */
  static SourceLocation locate(SpecDocument document, String pointer) {
    return document.locate(pointer);
  }
}
