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
    StringBuilder out = new StringBuilder(line.length());
    // A loop, not codePoints().forEach: a lambda's first call costs a fresh JVM more than the rest
    // of an unchanged run's rendering.
    for (int i = 0; i < line.length(); ) {
      int cp = Character.codePointAt(line, i);
      i += Character.charCount(cp);
      boolean control =
          cp < 0x20
              || (cp >= 0x7f && cp < 0xa0)
              || (cp >= 0x202a && cp <= 0x202e)
              || (cp >= 0x2066 && cp <= 0x2069)
              || cp == 0x2028
              || cp == 0x2029
              || (cp >= 0x200b && cp <= 0x200f)
              || (cp >= 0x2060 && cp <= 0x2064)
              || cp == 0xfeff;
      if (control) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
