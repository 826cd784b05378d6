package dev.maas.tokenservice.text;

/**
 * Client text made safe for one log line: control and invisible line-breaking characters become
 * escapes.
 */
public final class LogText {

  /** Longer text is cut: a 64 KiB header must not become a 64 KiB log line. */
  public static final int MAX_LENGTH = 200;

  private LogText() {}

  /**
   * {@code text} with C0, DEL, C1 and the Unicode line and paragraph separators written as {@code
   * \\uXXXX}.
   */
  public static String escape(String text) {
    if (text == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
    for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > MAX_LENGTH) {
      out.append("…(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
