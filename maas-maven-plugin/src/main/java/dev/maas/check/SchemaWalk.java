package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.cel.CelFailure;
import dev.maas.diag.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One walk of an object against its version's schema, as the API server validates a create:
 * structure, value constraints, then every CEL rule, with {@code self} built from the same walk.
 */
final class SchemaWalk {

  /** CEL reserved words; a property so named is reached as {@code __word__}, as Kubernetes does. */
  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private static final java.util.regex.Pattern ESCAPABLE =
      java.util.regex.Pattern.compile("[a-zA-Z_.\\-/][a-zA-Z0-9_.\\-/]*");

  private final CrdCatalog catalog;
  private final Findings findings;
  private final String kind;
  private final AtomicLong skippedTransitionRules;

  SchemaWalk(
      CrdCatalog catalog, Findings findings, String kind, AtomicLong skippedTransitionRules) {
    this.catalog = catalog;
    this.findings = findings;
    this.kind = kind;
    this.skippedTransitionRules = skippedTransitionRules;
  }

  /** Validates a whole object (already defaulted) against its version's root schema. */
  void root(ObjectNode object, SchemaNode schema) {
    walk(object, schema, "", false, true, true);
  }

  /**
   * Validates {@code node} and returns its CEL value when {@code needValue} (else {@code null}).
   *
   * @param report whether to report findings; {@code false} inside anyOf/oneOf/not branches, which
   *     only ask "valid?"
   */
  private Object walk(
      JsonNode node, SchemaNode s, String path, boolean needValue, boolean report, boolean root) {
    return walk(node, s, path, needValue, new Errors(report), root);
  }

  /** Counts failures; reports them unless probing a branch. */
  private final class Errors {
    final boolean report;
    int count;

    Errors(boolean report) {
      this.report = report;
    }

    void error(String code, String path, String what, String hint) {
      count++;
      if (report) {
        findings.error(code, path, what, hint);
      }
    }
  }

  private Object walk(
      JsonNode node, SchemaNode s, String path, boolean needValue, Errors errors, boolean root) {
    needValue = needValue || (errors.report && !s.rules.isEmpty());
    if (node == null || node.isNull()) {
      if (!s.nullable) {
        errors.error("crd.null", path, "must not be null; the API server would drop it", null);
      }
      return null;
    }
    String actual = jsonType(node);
    if (!typeMatches(s, node)) {
      errors.error(
          "crd.type",
          path,
          s.intOrString
              ? "must be an integer or a string, not " + actual
              : "must be of type " + s.type + ", not " + actual,
          null);
      return needValue ? raw(node) : null;
    }
    if (s.enumValues != null && s.enumValues.stream().noneMatch(e -> sameValue(e, node))) {
      errors.error(
          "crd.enum",
          path,
          "unsupported value "
              + node
              + "; supported values: "
              + String.join(", ", s.enumValues.stream().map(JsonNode::toString).toList()),
          null);
    }
    Object value;
    if (node.isTextual()) {
      checkString(node.textValue(), s, path, errors);
      value = node.textValue();
    } else if (node.isNumber()) {
      checkNumber(node, s, path, errors);
      value =
          node.isIntegralNumber() && !"number".equals(s.type)
              ? (Object) node.longValue()
              : (Object) node.doubleValue();
    } else if (node.isBoolean()) {
      value = node.booleanValue();
    } else if (node.isArray()) {
      value = array(node, s, path, needValue, errors);
    } else {
      value = object(node, s, path, needValue, errors, root);
    }
    junctions(node, s, path, errors);
    if (errors.report && !s.rules.isEmpty()) {
      rules(s, path, value);
    }
    return value;
  }

  private boolean typeMatches(SchemaNode s, JsonNode node) {
    if (s.intOrString) {
      return node.isIntegralNumber() || node.isTextual();
    }
    if (s.type == null) {
      return true;
    }
    return switch (s.type) {
      case "object" -> node.isObject();
      case "array" -> node.isArray();
      case "string" -> node.isTextual();
      case "integer" -> node.isIntegralNumber();
      case "number" -> node.isNumber();
      case "boolean" -> node.isBoolean();
      default -> true;
    };
  }

  private static String jsonType(JsonNode node) {
    if (node.isObject()) {
      return "object";
    } else if (node.isArray()) {
      return "array";
    } else if (node.isTextual()) {
      return "string";
    } else if (node.isIntegralNumber()) {
      return "integer";
    } else if (node.isNumber()) {
      return "number";
    } else if (node.isBoolean()) {
      return "boolean";
    }
    return "null";
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private void checkString(String text, SchemaNode s, String path, Errors errors) {
    if (s.minLength != null || s.maxLength != null) {
      long length = text.codePointCount(0, text.length());
      if (s.minLength != null && length < s.minLength) {
        errors.error(
            "crd.minLength", path, "must be at least " + s.minLength + " characters long", null);
      }
      if (s.maxLength != null && length > s.maxLength) {
        errors.error(
            "crd.maxLength", path, "must be at most " + s.maxLength + " characters long", null);
      }
    }
    if (s.patternText != null) {
      if (s.pattern == null) {
        errors.error(
            "crd.pattern",
            path,
            "the CRD's pattern " + s.patternText + " does not compile: " + s.patternError,
            null);
      } else if (!s.pattern.matcher(text).find()) {
        errors.error(
            "crd.pattern",
            path,
            "\"" + text + "\" does not match the pattern " + s.patternText,
            null);
      }
    }
  }

  private void checkNumber(JsonNode node, SchemaNode s, String path, Errors errors) {
    BigDecimal value = node.decimalValue();
    if (s.minimum != null) {
      int c = value.compareTo(s.minimum);
      if (c < 0 || (c == 0 && s.exclusiveMinimum)) {
        errors.error(
            "crd.minimum",
            path,
            "must be "
                + (s.exclusiveMinimum ? "greater than " : "at least ")
                + s.minimum.toPlainString(),
            null);
      }
    }
    if (s.maximum != null) {
      int c = value.compareTo(s.maximum);
      if (c > 0 || (c == 0 && s.exclusiveMaximum)) {
        errors.error(
            "crd.maximum",
            path,
            "must be "
                + (s.exclusiveMaximum ? "less than " : "at most ")
                + s.maximum.toPlainString(),
            null);
      }
    }
    if ("int32".equals(s.format) && (!node.canConvertToInt() || !node.isIntegralNumber())) {
      errors.error("crd.format", path, node + " does not fit in an int32", null);
    } else if ("int64".equals(s.format) && !node.canConvertToLong()) {
      errors.error("crd.format", path, node + " does not fit in an int64", null);
    } else if (node.isIntegralNumber() && !node.canConvertToLong()) {
      errors.error("crd.format", path, node + " is out of range for an integer", null);
    }
  }

  private Object array(JsonNode node, SchemaNode s, String path, boolean needValue, Errors errors) {
    int size = node.size();
    if (s.minItems != null && size < s.minItems) {
      errors.error("crd.minItems", path, "must have at least " + s.minItems + " items", null);
    }
    if (s.maxItems != null && size > s.maxItems) {
      errors.error(
          "crd.maxItems", path, "must have at most " + s.maxItems + " items, has " + size, null);
    }
    List<Object> values = needValue ? new ArrayList<>(size) : null;
    for (int i = 0; i < size; i++) {
      String itemPath = path + "[" + i + "]";
      Object item =
          s.items == null
              ? (needValue ? raw(node.get(i)) : null)
              : walk(node.get(i), s.items, itemPath, needValue, errors, false);
      if (values != null) {
        values.add(item);
      }
    }
    uniqueness(node, s, path, errors);
    return values;
  }

  private void uniqueness(JsonNode node, SchemaNode s, String path, Errors errors) {
    if ("set".equals(s.listType)) {
      Set<JsonNode> seen = new HashSet<>();
      for (int i = 0; i < node.size(); i++) {
        if (!seen.add(node.get(i))) {
          errors.error(
              "crd.listType",
              path + "[" + i + "]",
              "duplicate value " + node.get(i) + " in a set",
              null);
        }
      }
    } else if ("map".equals(s.listType) && !s.listMapKeys.isEmpty()) {
      Set<List<JsonNode>> seen = new HashSet<>();
      for (int i = 0; i < node.size(); i++) {
        List<JsonNode> key = new ArrayList<>();
        for (String k : s.listMapKeys) {
          key.add(node.get(i).path(k));
        }
        if (!seen.add(key)) {
          JsonNode item = node.get(i);
          errors.error(
              "crd.listType",
              path + "[" + i + "]",
              "duplicate entry with key "
                  + String.join(
                      ", ", s.listMapKeys.stream().map(k -> k + "=" + item.path(k)).toList()),
              null);
        }
      }
    }
  }

  private Object object(
      JsonNode node, SchemaNode s, String path, boolean needValue, Errors errors, boolean root) {
    int size = node.size();
    if (s.minProperties != null && size < s.minProperties) {
      errors.error(
          "crd.minProperties", path, "must have at least " + s.minProperties + " properties", null);
    }
    if (s.maxProperties != null && size > s.maxProperties) {
      errors.error(
          "crd.maxProperties", path, "must have at most " + s.maxProperties + " properties", null);
    }
    for (String name : s.required) {
      if (!node.has(name)
          && !(root
              && (name.equals("metadata") || name.equals("apiVersion") || name.equals("kind")))) {
        errors.error("crd.required", path, "required field `" + name + "` is missing", null);
      }
    }
    if (s.embeddedResource) {
      for (String name : List.of("apiVersion", "kind")) {
        if (node.path(name).asText("").isEmpty()) {
          errors.error("crd.required", path, "an embedded resource needs `" + name + "`", null);
        }
      }
    }
    Map<String, Object> values = needValue ? new LinkedHashMap<>() : null;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      JsonNode child = field.getValue();
      SchemaNode property = s.properties.get(name);
      if (property != null) {
        Object value;
        if (root && name.equals("metadata")) {
          value = needValue ? rootMetadata(child) : null;
        } else {
          value = walk(child, property, join(path, name), needValue, errors, false);
        }
        if (values != null && child != null && !child.isNull()) {
          String escaped = escape(name);
          if (escaped != null) {
            values.put(escaped, value);
          }
        }
      } else if (s.additionalProperties != null) {
        Object value =
            walk(child, s.additionalProperties, path + "[" + name + "]", needValue, errors, false);
        if (values != null) {
          values.put(name, value);
        }
      } else if (s.additionalPropertiesAny || s.preserveUnknownFields) {
        if (values != null) {
          values.put(s.properties.isEmpty() ? name : escapeOrSelf(name), raw(child));
        }
      } else if ((root || s.embeddedResource)
          && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata"))) {
        if (values != null) {
          values.put(name, name.equals("metadata") ? rootMetadata(child) : raw(child));
        }
      } else {
        errors.error(
            "crd.unknownField",
            path,
            "field `"
                + name
                + "` is not in the CRD schema of "
                + kind
                + "; the API server would drop it",
            Suggestions.didYouMean(name, s.properties.keySet()));
      }
    }
    return values;
  }

  /** Kubernetes shows rules only the name and generateName of an object's metadata. */
  private static Map<String, Object> rootMetadata(JsonNode metadata) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : List.of("name", "generateName")) {
      if (metadata.path(key).isTextual()) {
        out.put(key, metadata.get(key).textValue());
      }
    }
    return out;
  }

  private void junctions(JsonNode node, SchemaNode s, String path, Errors errors) {
    if (!s.allOf.isEmpty()) {
      for (SchemaNode branch : s.allOf) {
        if (!passes(node, branch, path)) {
          errors.error("crd.allOf", path, "does not match every schema of allOf", null);
          break;
        }
      }
    }
    if (!s.anyOf.isEmpty() && s.anyOf.stream().noneMatch(b -> passes(node, b, path))) {
      errors.error("crd.anyOf", path, "does not match any schema of anyOf", null);
    }
    if (!s.oneOf.isEmpty()) {
      long matches = s.oneOf.stream().filter(b -> passes(node, b, path)).count();
      if (matches != 1) {
        errors.error(
            "crd.oneOf", path, "must match exactly one schema of oneOf, matches " + matches, null);
      }
    }
    if (s.not != null && passes(node, s.not, path)) {
      errors.error("crd.not", path, "must not match the schema under `not`", null);
    }
  }

  /**
   * Whether {@code node} meets a value-validation branch; branches constrain values, they never
   * prune.
   */
  private boolean passes(JsonNode node, SchemaNode branch, String path) {
    Errors probe = new Errors(false);
    if (branch.type != null || branch.intOrString) {
      if (!typeMatches(branch, node)) {
        return false;
      }
    }
    if (branch.enumValues != null
        && branch.enumValues.stream().noneMatch(e -> sameValue(e, node))) {
      return false;
    }
    if (node.isTextual()) {
      checkString(node.textValue(), branch, path, probe);
    } else if (node.isNumber()) {
      checkNumber(node, branch, path, probe);
    } else if (node.isObject()) {
      for (String name : branch.required) {
        if (!node.has(name)) {
          return false;
        }
      }
      for (Map.Entry<String, SchemaNode> p : branch.properties.entrySet()) {
        if (node.has(p.getKey()) && !passes(node.get(p.getKey()), p.getValue(), path)) {
          return false;
        }
      }
    } else if (node.isArray() && branch.items != null) {
      for (JsonNode item : node) {
        if (!passes(item, branch.items, path)) {
          return false;
        }
      }
    }
    if (probe.count == 0) {
      junctions(node, branch, path, probe);
    }
    return probe.count == 0;
  }

  private void rules(SchemaNode s, String path, Object self) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("self", self);
    for (CrdRule rule : s.rules) {
      if (rule.isTransition()) {
        // A generated object is always a create; transition rules compare with a previous state it
        // lacks.
        skippedTransitionRules.incrementAndGet();
        continue;
      }
      String rulePath =
          rule.fieldPath() == null ? path : join(path, rule.fieldPath().replaceFirst("^\\.", ""));
      CrdCatalog.Compiled compiled = catalog.compile(rule.rule());
      if (compiled.error() != null) {
        findings.error(
            "crd.rule.unsupported",
            rulePath,
            "cannot check the CRD rule `" + rule.rule() + "`: " + compiled.error(),
            "a Kubernetes CEL library function this checker does not provide");
        continue;
      }
      boolean holds;
      try {
        holds = compiled.expression().test(vars);
      } catch (CelFailure e) {
        // The API server rejects the object too when a rule errors (e.g. "no such key"); it says so
        // beside the rule.
        String why =
            e.getMessage()
                .replaceFirst("^cannot evaluate: (evaluation error at <input>:\\d+: )?", "");
        findings.error(
            "crd.rule",
            rulePath,
            message(rule, vars) + " (the rule could not be evaluated: " + why + ")",
            null);
        continue;
      }
      if (!holds) {
        findings.error("crd.rule", rulePath, message(rule, vars), null);
      }
    }
  }

  private String message(CrdRule rule, Map<String, Object> vars) {
    if (rule.messageExpression() != null) {
      CrdCatalog.Compiled compiled = catalog.compile(rule.messageExpression());
      if (compiled.expression() != null) {
        try {
          if (compiled.expression().evaluate(vars) instanceof String text && !text.isBlank()) {
            return text;
          }
        } catch (CelFailure e) {
          // Kubernetes falls back to the static message when messageExpression fails; so do we.
        }
      }
    }
    return rule.message() != null && !rule.message().isBlank()
        ? rule.message()
        : "failed rule: " + rule.rule();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The name under which CEL sees a property, or {@code null} when Kubernetes cannot expose it. */
  static String escape(String name) {
    if (RESERVED.contains(name)) {
      return "__" + name + "__";
    }
    if (name.matches("[a-zA-Z_][a-zA-Z0-9_]*") && !name.contains("__")) {
      return name;
    }
    if (!ESCAPABLE.matcher(name).matches()) {
      return null;
    }
    return name.replace("__", "__underscores__")
        .replace(".", "__dot__")
        .replace("-", "__dash__")
        .replace("/", "__slash__");
  }

  private static String escapeOrSelf(String name) {
    String escaped = escape(name);
    return escaped == null ? name : escaped;
  }

  /** A JSON value as plain Java for CEL, without a schema (preserved or free-form fields). */
  static Object raw(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    } else if (node.isTextual()) {
      return node.textValue();
    } else if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
    } else if (node.isNumber()) {
      return node.doubleValue();
    } else if (node.isBoolean()) {
      return node.booleanValue();
    } else if (node.isArray()) {
      List<Object> out = new ArrayList<>(node.size());
      node.forEach(item -> out.add(raw(item)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), raw(e.getValue())));
    return out;
  }
}
