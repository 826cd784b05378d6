package dev.maas.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders the spec reference ({@code docs/spec-reference.md}) from the JSON Schema: one section per
 * property with its path, type, whether it is required, its default, allowed values, description
 * and example. The output depends on the schema alone, so the same schema always gives the same
 * bytes.
 */
public final class SchemaReference {

  /** How to regenerate the page; printed in its header so that nobody edits it by hand. */
  public static final String REGENERATE =
      "./mvnw -q -pl maas-maven-plugin test -Dtest=SpecReferenceDocTest -Dmaas.updateDocs=true";

  private static final int MAX_DEPTH = 32;

  private final JsonNode root;
  private final ObjectMapper yaml;

  /**
   * A reference renderer for {@code schema}, a draft 2020-12 schema whose {@code $ref}s point into
   * its {@code $defs}.
   */
  public SchemaReference(JsonNode schema) {
    this.root = schema;
    this.yaml =
        new ObjectMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build());
  }

  /** One documented place in a spec. */
  private record Entry(
      String path, String name, JsonNode schema, boolean required, boolean listItem) {}

  /** The Markdown page. */
  public String render() {
    List<Entry> entries = new ArrayList<>();
    collect(root, "", entries, 0);
    StringBuilder md = new StringBuilder();
    md.append("# Platform spec reference\n\n");
    md.append(
        "<!-- Generated from schema/platform-spec.schema.json by dev.maas.docs.SchemaReference; do not edit.\n");
    md.append("     Regenerate with: ").append(REGENERATE).append(" -->\n\n");
    md.append(text(root, "markdownDescription", text(root, "description", ""))).append("\n\n");
    md.append("Schema `")
        .append(text(root, "$id", ""))
        .append("` (JSON Schema ")
        .append(dialect(text(root, "$schema", "")))
        .append("). ");
    md.append(
        "Paths use `.` between properties, `[]` for a list's items and `<name>` for keys that you choose. ");
    md.append("Properties not listed here are rejected.\n\n");
    md.append("## Contents\n\n");
    for (Entry e : entries) {
      md.append("  ".repeat(depth(e.path())))
          .append("- [`")
          .append(e.path())
          .append("`](#")
          .append(anchor(e.path()))
          .append(")\n");
    }
    md.append('\n');
    for (Entry e : entries) {
      section(md, e);
    }
    return md.toString();
  }

  private void collect(JsonNode node, String path, List<Entry> out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException(
          "the schema nests deeper than " + MAX_DEPTH + " levels at " + path);
    }
    JsonNode schema = resolve(node);
    JsonNode required = schema.path("required");
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String childPath = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
      boolean isRequired = false;
      for (JsonNode r : required) {
        isRequired |= r.asText().equals(p.getKey());
      }
      JsonNode child = merged(p.getValue());
      out.add(new Entry(childPath, p.getKey(), child, isRequired, false));
      descend(child, childPath, out, depth + 1);
    }
  }

  private void descend(JsonNode schema, String path, List<Entry> out, int depth) {
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      JsonNode item = merged(items);
      if (isObject(item)) {
        collect(item, path + "[]", out, depth);
      } else if (item.has("description")) {
        out.add(new Entry(path + "[]", null, item, false, true));
      }
    }
    collect(schema, path, out, depth);
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      String keyName = "<" + singular(path) + ">";
      JsonNode value = merged(additional);
      if (isObject(value)) {
        collect(value, path + "." + keyName, out, depth);
      }
    }
  }

  private void section(StringBuilder md, Entry e) {
    JsonNode s = e.schema();
    md.append("<a id=\"").append(anchor(e.path())).append("\"></a>\n\n");
    md.append("## `").append(e.path()).append("`\n\n");
    String title = text(s, "title", "");
    if (!title.isEmpty()) {
      md.append("**").append(title).append("**\n\n");
    }
    md.append("| | |\n| --- | --- |\n");
    row(md, "Type", type(s));
    row(md, "Required", e.listItem() ? "—" : e.required() ? "yes" : "no");
    row(md, "Default", s.has("default") ? code(inline(s.get("default"))) : "—");
    if (s.has("const")) {
      row(md, "Value", "always " + code(inline(s.get("const"))));
    }
    if (s.has("enum")) {
      List<String> values = new ArrayList<>();
      s.get("enum").forEach(v -> values.add(code(inline(v))));
      row(md, "One of", String.join(", ", values));
    }
    if (s.has("pattern")) {
      row(md, "Pattern", code(s.get("pattern").asText()) + " (explained below)");
    }
    String bounds = bounds(s);
    if (!bounds.isEmpty()) {
      row(md, "Bounds", bounds);
    }
    JsonNode names = s.path("propertyNames");
    if (names.has("pattern")) {
      row(
          md,
          "Keys",
          "match "
              + code(names.get("pattern").asText())
              + (names.has("maxLength")
                  ? ", at most " + names.get("maxLength").asInt() + " characters"
                  : ""));
    }
    md.append('\n');
    String description = text(s, "markdownDescription", text(s, "description", ""));
    if (!description.isEmpty()) {
      md.append(description).append("\n\n");
    }
    JsonNode examples = s.path("examples");
    if (examples.isArray() && !examples.isEmpty()) {
      md.append(examples.size() == 1 ? "Example:\n\n" : "Examples:\n\n");
      for (JsonNode example : examples) {
        md.append("```yaml\n").append(yamlOf(e, example)).append("```\n\n");
      }
    }
  }

  private String yamlOf(Entry e, JsonNode example) {
    JsonNode shown;
    if (e.listItem()) {
      shown = JsonNodeFactory.instance.arrayNode().add(example);
    } else {
      ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
      wrapper.set(e.name(), example);
      shown = wrapper;
    }
    try {
      return yaml.writeValueAsString(shown);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** The node with its {@code $ref} resolved; annotations written beside the {@code $ref} win. */
  private JsonNode merged(JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    ObjectNode out = resolve(node).deepCopy();
    node.fields()
        .forEachRemaining(
            f -> {
              if (!f.getKey().equals("$ref")) {
                out.set(f.getKey(), f.getValue());
              }
            });
    return out;
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String target = ref.asText();
    if (!target.startsWith("#")) {
      throw new IllegalStateException("only local references are documented: " + target);
    }
    JsonNode resolved = root.at(target.substring(1));
    if (resolved.isMissingNode()) {
      throw new IllegalStateException("dangling reference " + target);
    }
    return resolve(resolved);
  }

  private static boolean isObject(JsonNode s) {
    return "object".equals(s.path("type").asText()) || s.has("properties");
  }

  private String type(JsonNode s) {
    String type = s.path("type").asText("any");
    if (type.equals("array")) {
      JsonNode items = s.get("items");
      return items == null ? "list" : "list of " + type(merged(items));
    }
    if (type.equals("object") && s.path("additionalProperties").isObject()) {
      return "map of name to " + type(merged(s.get("additionalProperties")));
    }
    return type;
  }

  private static String bounds(JsonNode s) {
    List<String> parts = new ArrayList<>();
    if (s.has("minimum") && s.has("maximum")) {
      parts.add(s.get("minimum").asText() + " to " + s.get("maximum").asText());
    } else if (s.has("minimum")) {
      parts.add("at least " + s.get("minimum").asText());
    } else if (s.has("maximum")) {
      parts.add("at most " + s.get("maximum").asText());
    }
    if (s.has("exclusiveMinimum")) {
      parts.add("more than " + s.get("exclusiveMinimum").asText());
    }
    if (s.has("exclusiveMaximum")) {
      parts.add("less than " + s.get("exclusiveMaximum").asText());
    }
    range(parts, s, "minLength", "maxLength", "characters");
    range(parts, s, "minItems", "maxItems", "items");
    range(parts, s, "minProperties", "maxProperties", "entries");
    if (s.path("uniqueItems").asBoolean(false)) {
      parts.add("no item twice");
    }
    return String.join("; ", parts);
  }

  private static void range(List<String> parts, JsonNode s, String min, String max, String unit) {
    if (s.has(min) && s.has(max)) {
      parts.add(s.get(min).asInt() + " to " + s.get(max).asInt() + " " + unit);
    } else if (s.has(min)) {
      parts.add("at least " + s.get(min).asInt() + " " + unit);
    } else if (s.has(max)) {
      parts.add("at most " + s.get(max).asInt() + " " + unit);
    }
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }

  private static String inline(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String code(String text) {
    return "`" + text + "`";
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : fallback;
  }

  private static String dialect(String uri) {
    return uri.contains("2020-12") ? "draft 2020-12" : uri;
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '.').count();
  }

  /**
   * The id of a section's anchor: the path with {@code []} as {@code -item} and the rest of the
   * punctuation as {@code -}.
   */
  static String anchor(String path) {
    return path.replace("[]", "-item")
        .replace("<", "")
        .replace(">", "")
        .replace('.', '-')
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static String singular(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
    return switch (last) {
      case "models", "modelLimits" -> "model";
      default -> last.endsWith("s") ? last.substring(0, last.length() - 1) : "name";
    };
  }

  /** Writes the reference of the schema file {@code args[0]} to {@code args[1]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SchemaReference SCHEMA.json OUT.md");
      System.exit(64);
    }
    JsonNode schema =
        new ObjectMapper().readTree(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    Files.writeString(
        Path.of(args[1]), new SchemaReference(schema).render(), StandardCharsets.UTF_8);
  }
}
