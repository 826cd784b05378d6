package dev.maas.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.diag.SourceLocation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One parsed spec file: its bytes, its tree with locations, and its content hash.
 *
 * @param displayName the file as diagnostics name it (relative to the working folder where
 *     possible)
 * @param content the file's bytes
 * @param root the document's root node
 */
public record SpecDocument(String displayName, byte[] content, YamlNode root) {

  /** The SHA-256 of the file's bytes, hex encoded. */
  public String contentHash() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** The node at {@code pointer}, or {@code null} when there is none. */
  public YamlNode find(String pointer) {
    YamlNode node = root;
    for (String token : JsonPointers.tokens(pointer)) {
      node = step(node, token);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** The location of the node at {@code pointer}, or of its nearest existing ancestor. */
  public SourceLocation locate(String pointer) {
    YamlNode node = root;
    for (String token : JsonPointers.tokens(pointer)) {
      YamlNode next = step(node, token);
      if (next == null) {
        break;
      }
      node = next;
    }
    return node == null ? SourceLocation.ofFile(displayName) : node.location();
  }

  /** The location of the key that names the node at {@code pointer}, else of the node itself. */
  public SourceLocation locateKey(String pointer) {
    List<String> tokens = JsonPointers.tokens(pointer);
    if (tokens.isEmpty()) {
      return locate(pointer);
    }
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    if (find(parent) instanceof YamlNode.Mapping mapping) {
      YamlNode.Entry entry = mapping.entries().get(tokens.get(tokens.size() - 1));
      if (entry != null) {
        return entry.keyLocation();
      }
    }
    return locate(pointer);
  }

  private static YamlNode step(YamlNode node, String token) {
    if (node instanceof YamlNode.Mapping mapping) {
      YamlNode.Entry entry = mapping.entries().get(token);
      return entry == null ? null : entry.value();
    }
    if (node instanceof YamlNode.Sequence sequence) {
      try {
        int index = Integer.parseInt(token);
        return index >= 0 && index < sequence.items().size() ? sequence.items().get(index) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The document as a Jackson tree, for schema validation and binding. */
  public JsonNode toJson() {
    return toJson(root);
  }

  private static JsonNode toJson(YamlNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof YamlNode.Mapping mapping) {
      ObjectNode object = f.objectNode();
      mapping.entries().forEach((key, entry) -> object.set(key, toJson(entry.value())));
      return object;
    }
    if (node instanceof YamlNode.Sequence sequence) {
      ArrayNode array = f.arrayNode();
      sequence.items().forEach(item -> array.add(toJson(item)));
      return array;
    }
    Object value = ((YamlNode.Scalar) node).value();
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    if (value instanceof BigInteger big) {
      return f.numberNode(big);
    }
    if (value instanceof Double d) {
      return f.numberNode(d);
    }
    return f.textNode((String) value);
  }

  /** The content as text, for tools that show source lines. */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
