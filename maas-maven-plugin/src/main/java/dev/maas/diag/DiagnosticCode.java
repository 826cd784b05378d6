package dev.maas.diag;

import java.util.Objects;

/**
 * One entry of the catalogue: a code, how serious its findings are, and what it means in one line.
 *
 * @param code the stable identifier printed at the end of each diagnostic line, e.g. {@code
 *     unique-tier-names}
 * @param severity the severity of every finding with this code
 * @param summary what the code means, in one line
 */
public record DiagnosticCode(String code, Severity severity, String summary) {

  public DiagnosticCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * The anchor of the code's section in {@code docs/diagnostics.md}, as GitHub derives it from the
   * heading.
   */
  public String anchor() {
    return code.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
  }

  /**
   * The code in kebab case for a rule class named {@code simpleName}, e.g. {@code UniqueTierNames}
   * → {@code unique-tier-names}.
   */
  public static String ofClassName(String simpleName) {
    return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
