package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a CRD's structural {@code openAPIV3Schema}, parsed once: patterns compiled, rules
 * collected.
 *
 * <p>Patterns are Go RE2 expressions; they are compiled with RE2/J, which has Go's syntax and
 * semantics, so nothing is translated and a pattern means here what it means to the API server.
 */
final class SchemaNode {

  final String type;
  final Map<String, SchemaNode> properties;

  /** The schema of map values, or {@code null}. */
  final SchemaNode additionalProperties;

  /** {@code additionalProperties: true}: any value is kept. */
  final boolean additionalPropertiesAny;

  final SchemaNode items;
  final List<String> required;
  final List<JsonNode> enumValues;
  final String patternText;
  final Pattern pattern;
  final String patternError;
  final BigDecimal minimum;
  final BigDecimal maximum;
  final boolean exclusiveMinimum;
  final boolean exclusiveMaximum;
  final Long minLength;
  final Long maxLength;
  final Long minItems;
  final Long maxItems;
  final Long minProperties;
  final Long maxProperties;
  final String format;
  final boolean nullable;
  final boolean intOrString;
  final boolean preserveUnknownFields;
  final boolean embeddedResource;
  final String listType;
  final List<String> listMapKeys;
  final JsonNode defaultValue;
  final List<SchemaNode> allOf;
  final List<SchemaNode> anyOf;
  final List<SchemaNode> oneOf;
  final SchemaNode not;
  final List<CrdRule> rules;

  /** Whether this node or any node below carries a rule. */
  final boolean rulesBelow;

  private SchemaNode(JsonNode node) {
    type = text(node, "type");
    Map<String, SchemaNode> props = new LinkedHashMap<>();
    node.path("properties")
        .properties()
        .forEach(e -> props.put(e.getKey(), new SchemaNode(e.getValue())));
    properties = Collections.unmodifiableMap(props);
    JsonNode additional = node.get("additionalProperties");
    additionalProperties =
        additional != null && additional.isObject() ? new SchemaNode(additional) : null;
    additionalPropertiesAny =
        additional != null && additional.isBoolean() && additional.booleanValue();
    items = node.path("items").isObject() ? new SchemaNode(node.get("items")) : null;
    required = strings(node.path("required"));
    enumValues = node.has("enum") ? List.copyOf(collect(node.get("enum"))) : null;
    patternText = text(node, "pattern");
    Pattern compiled = null;
    String error = null;
    if (patternText != null) {
      try {
        compiled = Pattern.compile(patternText);
      } catch (PatternSyntaxException e) {
        error = e.getMessage();
      }
    }
    pattern = compiled;
    patternError = error;
    minimum = decimal(node, "minimum");
    maximum = decimal(node, "maximum");
    exclusiveMinimum = node.path("exclusiveMinimum").asBoolean(false);
    exclusiveMaximum = node.path("exclusiveMaximum").asBoolean(false);
    minLength = count(node, "minLength");
    maxLength = count(node, "maxLength");
    minItems = count(node, "minItems");
    maxItems = count(node, "maxItems");
    minProperties = count(node, "minProperties");
    maxProperties = count(node, "maxProperties");
    format = text(node, "format");
    nullable = node.path("nullable").asBoolean(false);
    intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false);
    preserveUnknownFields = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    embeddedResource = node.path("x-kubernetes-embedded-resource").asBoolean(false);
    listType = text(node, "x-kubernetes-list-type");
    listMapKeys = strings(node.path("x-kubernetes-list-map-keys"));
    defaultValue = node.get("default");
    allOf = schemas(node.path("allOf"));
    anyOf = schemas(node.path("anyOf"));
    oneOf = schemas(node.path("oneOf"));
    not = node.path("not").isObject() ? new SchemaNode(node.get("not")) : null;
    List<CrdRule> found = new ArrayList<>();
    for (JsonNode rule : node.path("x-kubernetes-validations")) {
      found.add(
          new CrdRule(
              rule.path("rule").asText(),
              text(rule, "message"),
              text(rule, "messageExpression"),
              text(rule, "fieldPath")));
    }
    rules = List.copyOf(found);
    boolean below =
        !rules.isEmpty()
            || properties.values().stream().anyMatch(p -> p.rulesBelow)
            || (additionalProperties != null && additionalProperties.rulesBelow)
            || (items != null && items.rulesBelow);
    rulesBelow = below;
  }

  /** Parses a schema object. */
  static SchemaNode parse(JsonNode schema) {
    return new SchemaNode(schema);
  }

  /** Every rule at or below this node, with repeats where the schema repeats. */
  void collectRules(List<CrdRule> into) {
    into.addAll(rules);
    properties.values().forEach(p -> p.collectRules(into));
    if (additionalProperties != null) {
      additionalProperties.collectRules(into);
    }
    if (items != null) {
      items.collectRules(into);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }

  private static Long count(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.longValue() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  private static List<JsonNode> collect(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static List<SchemaNode> schemas(JsonNode array) {
    List<SchemaNode> out = new ArrayList<>();
    array.forEach(v -> out.add(new SchemaNode(v)));
    return List.copyOf(out);
  }
}
