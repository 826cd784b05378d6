package dev.maas.diag;

import java.util.Objects;

/**
 * One finding about an input: where it is, what is wrong, and how to fix it.
 *
 * @param severity error or warning
 * @param code the catalogue code of the check that found it, e.g. {@code unique-tier-names} or
 *     {@code schema.additionalProperties}
 * @param location file, line and column
 * @param pointer the JSON pointer of the node in the spec, e.g. {@code /spec/tiers/1/limits}
 * @param message what is wrong
 * @param hint how to fix it, or {@code null}
 */
public record Diagnostic(
    Severity severity,
    String code,
    SourceLocation location,
    String pointer,
    String message,
    String hint) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    pointer = pointer == null ? "" : pointer;
  }

  /** An error. */
  public static Diagnostic error(
      String code, SourceLocation location, String pointer, String message, String hint) {
    return new Diagnostic(Severity.ERROR, code, location, pointer, message, hint);
  }

  /** An error about file or folder {@code file} as a whole, at no pointer. */
  public static Diagnostic fileError(String code, String file, String message, String hint) {
    return error(code, SourceLocation.ofFile(file), "", message, hint);
  }

  /** A warning. */
  public static Diagnostic warning(
      String code, SourceLocation location, String pointer, String message, String hint) {
    return new Diagnostic(Severity.WARNING, code, location, pointer, message, hint);
  }

  /** Whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The compiler-style line: {@code file:line:col: error: /pointer: message (hint) [code]}. */
  public String render() {
    StringBuilder line = new StringBuilder();
    line.append(location).append(": ").append(severity.label()).append(": ");
    if (!pointer.isEmpty()) {
      line.append(pointer).append(": ");
    }
    line.append(message);
    if (hint != null && !hint.isEmpty()) {
      line.append(" (").append(hint).append(')');
    }
    line.append(" [").append(code).append(']');
    return printable(line);
  }

  /**
   * The line with control, zero-width and bidirectional-override characters written as {@code
   * \\uXXXX}: values from a hostile spec reach messages, and a raw escape sequence or line break
   * would rewrite the terminal or forge a second diagnostic line.
   */
  private static String printable(CharSequence line) {
    // Char by char: every character this escapes is a single UTF-16 unit, and a surrogate is never
    // one of them, so the text between escapes is copied as it is. Most lines hold none, and are
    // returned after one scan: an unchanged run renders every recorded warning in a fresh JVM.
    int first = 0;
    while (first < line.length() && !control(line.charAt(first))) {
      first++;
    }
    if (first == line.length()) {
      return line.toString();
    }
    StringBuilder out = new StringBuilder(line.length() + 16).append(line, 0, first);
    for (int i = first; i < line.length(); i++) {
      char c = line.charAt(i);
      if (control(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean control(char c) {
    return c < 0x20
        || (c >= 0x7f && c < 0xa0)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x2060 && c <= 0x2064)
        || c == 0xfeff;
  }

  @Override
  public String toString() {
    return render();
  }
}
