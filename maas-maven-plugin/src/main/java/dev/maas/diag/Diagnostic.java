package dev.maas.diag;

import java.util.Objects;

/**
 * One finding about an input: where it is, what is wrong, and how to fix it.
 *
 * @param severity error or warning
 * @param code a stable identifier of the check that found it, e.g. {@code schema.additionalProperties}
 * @param location file, line and column
 * @param pointer the JSON pointer of the node in the spec, e.g. {@code /spec/tiers/1/limits}
 * @param message what is wrong
 * @param hint how to fix it, or {@code null}
 */
public record Diagnostic(
    Severity severity, String code, SourceLocation location, String pointer, String message, String hint) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    pointer = pointer == null ? "" : pointer;
  }

  /** An error. */
  public static Diagnostic error(String code, SourceLocation location, String pointer, String message, String hint) {
    return new Diagnostic(Severity.ERROR, code, location, pointer, message, hint);
  }

  /** A warning. */
  public static Diagnostic warning(String code, SourceLocation location, String pointer, String message, String hint) {
    return new Diagnostic(Severity.WARNING, code, location, pointer, message, hint);
  }

  /** Whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The compiler-style line: {@code file:line:col: error: /pointer: message (hint)}. */
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
    return line.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
