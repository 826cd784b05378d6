package dev.maas.cel;

/** Writes CEL string literals that mean exactly the given text, whatever it contains. */
public final class CelStrings {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CelStrings() {}

  /**
   * A double-quoted CEL string literal equal to {@code text}.
   *
   * <p>Only printable ASCII is written as itself; everything else is escaped, so the literal can
   * never close early, span lines or smuggle look-alike characters into a generated predicate.
   *
   * @throws IllegalArgumentException if {@code text} holds a lone surrogate, which no CEL string
   *     can hold
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1) {
        throw new IllegalArgumentException(
            "text has a lone surrogate at index " + i + "; it is not valid Unicode");
      }
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (cp >= 0x20 && cp < 0x7f) {
            out.append((char) cp);
          } else if (cp <= 0xffff) {
            out.append("\\u");
            hex(out, cp, 4);
          } else {
            out.append("\\U");
            hex(out, cp, 8);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void hex(StringBuilder out, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(value >>> shift) & 0xf]);
    }
  }
}
