package dev.maas.diag;

import java.util.List;

/** Raised when the user's input is wrong; carries the diagnostics, never shown as a stack trace. */
public final class UserInputException extends RuntimeException {

  private final transient List<Diagnostic> diagnostics;

  public UserInputException(List<Diagnostic> diagnostics) {
    super(
        diagnostics.isEmpty() ? "invalid input" : diagnostics.get(0).render(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The diagnostics that explain the failure. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
