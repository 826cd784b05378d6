package dev.maas.spec;

import java.util.ArrayList;
import java.util.List;

/** Builds and splits RFC 6901 JSON pointers. */
public final class JsonPointers {

  private JsonPointers() {}

  /** The pointer of a child named {@code token} under {@code parent}. */
  public static String child(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of the item at {@code index} under {@code parent}. */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The unescaped tokens of a pointer; the empty pointer has none. */
  public static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer == null || pointer.isEmpty()) {
      return tokens;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }
}
