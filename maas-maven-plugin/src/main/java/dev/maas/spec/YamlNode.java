package dev.maas.spec;

import dev.maas.diag.SourceLocation;
import java.util.List;
import java.util.Map;

/** A node of a YAML document that remembers where it stands in its file and in the tree. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  /** Where the node starts. */
  SourceLocation location();

  /** The JSON pointer of the node from the document root. */
  String pointer();

  /** A mapping; keys keep their own locations. */
  record Mapping(SourceLocation location, String pointer, Map<String, Entry> entries)
      implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }
  }

  /** One key of a mapping with the location of the key and its value. */
  record Entry(String key, SourceLocation keyLocation, YamlNode value) {}

  /** A sequence. */
  record Sequence(SourceLocation location, String pointer, List<YamlNode> items)
      implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /**
   * A scalar as YAML 1.2's core schema reads it.
   *
   * @param value a {@code String}, {@code Boolean}, {@code Long}, {@code java.math.BigInteger},
   *     {@code Double}, or {@code null}
   * @param text the scalar exactly as written
   * @param quoted whether it was quoted or a block scalar (then it is always a string)
   */
  record Scalar(SourceLocation location, String pointer, Object value, String text, boolean quoted)
      implements YamlNode {}
}
