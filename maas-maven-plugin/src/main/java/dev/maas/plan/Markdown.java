package dev.maas.plan;

/**
 * Puts text that came from a spec into Markdown so that it renders as the same text and never as
 * markup.
 */
final class Markdown {

  private Markdown() {}

  /**
   * {@code text} as a code span: fenced by one backtick more than its longest run of backticks, and
   * padded with a space where it starts or ends with a backtick, so that no backtick inside closes
   * the span.
   */
  static String code(String text) {
    String fence = "`".repeat(longestRun(text, '`') + 1);
    String pad = text.startsWith("`") || text.endsWith("`") || text.isBlank() ? " " : "";
    // A line break inside a span would let the next line start a block (a heading, an HTML block).
    String flat = text.replace('\r', ' ').replace('\n', ' ');
    return fence + pad + flat + pad + fence;
  }

  /**
   * {@code text} with every character that can open inline markup, HTML or a table cell
   * backslash-escaped: inert after the start of a line. The rest ({@code @ : . - , /}) stays as
   * written, so that the Markdown reads as well.
   */
  static String text(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        out.append(' ');
      } else {
        if (c < 128 && "\\`*_[]<>&!|~".indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The fence for a fenced block holding {@code body}: longer than any run of backticks in it, at
   * least three.
   */
  static String fence(String body) {
    return "`".repeat(Math.max(3, longestRun(body, '`') + 1));
  }

  private static int longestRun(String text, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
