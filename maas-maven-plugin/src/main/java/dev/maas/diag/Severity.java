package dev.maas.diag;

/** How serious a diagnostic is. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word a compiler prints for this severity. */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
