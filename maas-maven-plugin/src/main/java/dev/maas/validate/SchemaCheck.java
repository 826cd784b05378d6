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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates a spec against the JSON Schema and turns each violation into a located diagnostic. */
public final class SchemaCheck {

  /**
   * The keyword beside each {@code pattern} of the schema that says, in a person's words, what a
   * value that misses the pattern is not ({@code text}) and how to write it ({@code hint}); {@code
   * unitExamples} marks a window or duration, whose value without a unit gets the unit added as the
   * fix. The message lives next to its constraint, so editing a pattern keeps it.
   */
  public static final String MESSAGE = "x-maas-message";

  private final PlatformSchema schema;

  public SchemaCheck(PlatformSchema schema) {
    this.schema = schema;
  }

  /**
   * The part of the spec a diagnostic says is malformed: its pointer, or for a missing property the
   * property's own pointer (the object around it is otherwise well-formed).
   */
  public static String affected(Diagnostic d) {
    if (d.code().equals("schema.required")) {
      Matcher m = MISSING.matcher(d.message());
      if (m.matches()) {
        return JsonPointers.child(d.pointer(), m.group(1));
      }
    }
    return d.pointer();
  }

  private static final Pattern MISSING = Pattern.compile("missing required property `(.+)`");

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
    String schemaFragment =
        error.getSchemaLocation() == null
            ? ""
            : String.valueOf(error.getSchemaLocation().getFragment());
    JsonNode keywordValue = schema.at(schemaFragment);
    JsonNode owner = schema.at(parentFragment(schemaFragment));
    String code = "schema." + keyword;
    switch (keyword) {
      case "additionalProperties":
        {
          String property = error.getProperty();
          String child = JsonPointers.child(pointer, property);
          List<String> known = propertyNames(owner);
          String hint = Suggestions.didYouMean(property, known);
          if (hint == null) {
            hint =
                known.isEmpty()
                    ? "remove it"
                    : "remove it; known properties: " + String.join(", ", known);
          }
          return Diagnostic.error(
              code, document.locateKey(child), child, "unknown property `" + property + "`", hint);
        }
      case "required":
        {
          String property = error.getProperty();
          JsonNode description = owner.path("properties").path(property).path("description");
          return Diagnostic.error(
              code,
              document.locate(pointer),
              pointer,
              "missing required property `" + property + "`",
              description.isTextual()
                  ? "add `" + property + "`: " + description.asText()
                  : "add `" + property + "`");
        }
      case "type":
        {
          String expected =
              keywordValue.isTextual() ? keywordValue.asText() : String.valueOf(keywordValue);
          String unit =
              instance != null && instance.isIntegralNumber()
                  ? unitHint(owner, instance.asText())
                  : null;
          return Diagnostic.error(
              code,
              document.locate(pointer),
              pointer,
              "expected " + article(expected) + ", found " + describe(instance),
              unit != null ? unit : typeHint(expected, instance));
        }
      case "pattern":
        {
          JsonNode message = owner.path(MESSAGE);
          String value = instance == null ? "" : instance.asText();
          if (message.has("text")) {
            String unit = unitHint(owner, value);
            return Diagnostic.error(
                code,
                document.locate(pointer),
                pointer,
                quote(value) + " " + message.get("text").asText(),
                unit != null ? unit : message.path("hint").asText(null));
          }
          return Diagnostic.error(
              code,
              document.locate(pointer),
              pointer,
              quote(value) + " does not match the pattern " + keywordValue.asText(),
              describeOwner(owner));
        }
      case "enum":
        {
          List<String> allowed = new ArrayList<>();
          keywordValue.forEach(v -> allowed.add(v.asText()));
          String value = instance == null ? "" : instance.asText();
          String hint = Suggestions.didYouMean(value, allowed);
          return Diagnostic.error(
              code,
              document.locate(pointer),
              pointer,
              quote(value) + " is not one of: " + String.join(", ", allowed),
              hint == null ? describeOwner(owner) : hint);
        }
      case "const":
        return Diagnostic.error(
            code,
            document.locate(pointer),
            pointer,
            (instance != null && instance.isTextual()
                    ? quote(instance.asText())
                    : describe(instance))
                + " is not allowed here; it must be "
                + quote(keywordValue.asText()),
            "write " + quote(keywordValue.asText()));
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        {
          String bound = keywordValue.asText();
          String relation =
              keyword.endsWith("inimum") ? "below the minimum of " : "above the maximum of ";
          if (keyword.startsWith("exclusive")) {
            relation = keyword.endsWith("inimum") ? "not above " : "not below ";
          }
          return Diagnostic.error(
              code,
              document.locate(pointer),
              pointer,
              (instance == null ? "value" : instance.asText()) + " is " + relation + bound,
              describeOwner(owner));
        }
      case "minItems":
        {
          int min = keywordValue.asInt();
          int found = instance == null ? 0 : instance.size();
          return Diagnostic.error(
              code,
              document.locate(pointer),
              pointer,
              (found == 0 ? "is an empty list" : "has " + found + (found == 1 ? " item" : " items"))
                  + "; it needs at least "
                  + min
                  + (min == 1 ? " item" : " items"),
              describeOwner(owner) == null
                  ? "add an item"
                  : "add an item: " + describeOwner(owner));
        }
      case "maxItems":
        return Diagnostic.error(
            code,
            document.locate(pointer),
            pointer,
            "has more than " + keywordValue.asInt() + " items",
            describeOwner(owner));
      case "uniqueItems":
        {
          int[] pair = firstRepeat(instance);
          if (pair == null) {
            return Diagnostic.error(
                code,
                document.locate(pointer),
                pointer,
                "holds the same item twice",
                "remove the repeated item");
          }
          String second = JsonPointers.child(pointer, pair[1]);
          JsonNode item = instance.get(pair[1]);
          return Diagnostic.error(
              code,
              document.locate(second),
              second,
              (item.isTextual() ? quote(item.asText()) : "this item")
                  + " is already listed at "
                  + pointer
                  + "/"
                  + pair[0],
              "remove the repeated item");
        }
      case "minLength":
        return Diagnostic.error(
            code,
            document.locate(pointer),
            pointer,
            keywordValue.asInt() == 1
                ? "must not be empty"
                : "is shorter than " + keywordValue.asInt() + " characters",
            describeOwner(owner));
      case "maxLength":
        {
          String value = instance == null ? "" : instance.asText();
          return Diagnostic.error(
              code,
              document.locate(pointer),
              pointer,
              quote(value)
                  + " has "
                  + value.codePointCount(0, value.length())
                  + " characters, more than the "
                  + keywordValue.asInt()
                  + " allowed",
              "shorten it to at most " + keywordValue.asInt() + " characters");
        }
      case "minProperties":
        return Diagnostic.error(
            code,
            document.locate(pointer),
            pointer,
            "needs at least one of: " + String.join(", ", propertyNames(owner)),
            describeOwner(owner));
      case "maxProperties":
        {
          int max = keywordValue.asInt();
          List<String> set = new ArrayList<>();
          if (instance != null) {
            instance.fieldNames().forEachRemaining(name -> set.add("`" + name + "`"));
          }
          return Diagnostic.error(
              code,
              document.locate(pointer),
              pointer,
              "sets " + String.join(", ", set) + ", but takes at most " + max + " of them",
              max == 1 ? "keep one of them" : "keep at most " + max + " of them");
        }
      case "propertyNames":
        {
          String name = error.getProperty() == null ? "" : error.getProperty();
          String child = JsonPointers.child(pointer, name);
          SourceLocation at = document.locateKey(child);
          int max = keywordValue.path("maxLength").asInt(Integer.MAX_VALUE);
          if (name.codePointCount(0, name.length()) > max) {
            return Diagnostic.error(
                code,
                at,
                child,
                "the key `"
                    + name
                    + "` has "
                    + name.codePointCount(0, name.length())
                    + " characters, more than the "
                    + max
                    + " allowed",
                "shorten it to at most " + max + " characters");
          }
          JsonNode message = keywordValue.path(MESSAGE);
          if (message.has("text")) {
            return Diagnostic.error(
                code,
                at,
                child,
                "the key `" + name + "` " + message.get("text").asText(),
                message.path("hint").asText(null));
          }
          return Diagnostic.error(
              code,
              at,
              child,
              "the key `" + name + "` is not allowed here: " + error.getMessage(),
              describeOwner(owner));
        }
      case "false":
        return null;
      default:
        return Diagnostic.error(code, document.locate(pointer), pointer, error.getMessage(), null);
    }
  }

  /** The indexes of the first item that repeats an earlier one, and of that earlier one. */
  private static int[] firstRepeat(JsonNode array) {
    if (array == null || !array.isArray()) {
      return null;
    }
    for (int j = 1; j < array.size(); j++) {
      for (int i = 0; i < j; i++) {
        if (array.get(i).equals(array.get(j))) {
          return new int[] {i, j};
        }
      }
    }
    return null;
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
      pointer =
          element instanceof Integer index
              ? JsonPointers.child(pointer, index)
              : JsonPointers.child(pointer, String.valueOf(element));
    }
    return pointer;
  }

  /** The schema's JSON type in the words of a YAML author. */
  private static String article(String type) {
    return switch (type) {
      case "array" -> "a list";
      case "object" -> "a mapping";
      case "integer" -> "an integer";
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

  /**
   * For a window or duration written without a unit ({@code 60}) or in weeks ({@code 1w}), the fix
   * itself: the general syntax hint would send the author round once more.
   */
  private static String unitHint(JsonNode owner, String value) {
    JsonNode units = owner.path(MESSAGE).path("unitExamples");
    if (!units.isArray() || units.isEmpty()) {
      return null;
    }
    if (value.matches("[0-9]{1,5}")) {
      List<String> examples = new ArrayList<>();
      units.forEach(unit -> examples.add(value + unit.asText()));
      return "add a unit, e.g. " + String.join(" or ", examples);
    }
    if (value.matches("[0-9]{1,4}w")) {
      long days = 7L * Long.parseLong(value.substring(0, value.length() - 1));
      return "weeks are not a unit; write " + days + "d";
    }
    return null;
  }

  private static String typeHint(String expected, JsonNode found) {
    if (found == null || found.isNull()) {
      return "write a value after the colon, or remove the key";
    }
    if ("integer".equals(expected)
        && found != null
        && found.isTextual()
        && found.asText().matches("-?[0-9]+")) {
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

  /**
   * Longest value a message repeats; a longer one is cut, so a megabyte of text does not become a
   * line of stderr.
   */
  private static final int MAX_SHOWN = 80;

  /**
   * The value as a message shows it: secret-looking values are named, not shown; long ones are cut.
   */
  private static String quote(String text) {
    java.util.Optional<String> secret = dev.maas.validate.SecretDetector.find(text);
    if (secret.isPresent()) {
      return "a value that looks like " + secret.get() + " (not shown)";
    }
    if (text.codePointCount(0, text.length()) > MAX_SHOWN) {
      return "\"" + text.substring(0, text.offsetByCodePoints(0, MAX_SHOWN)) + "…\"";
    }
    return "\"" + text + "\"";
  }
}
