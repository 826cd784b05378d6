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

  /** The failure of one {@link Diagnostic#fileError error about a file} as a whole. */
  public static UserInputException ofFile(String code, String file, String message, String hint) {
    return new UserInputException(List.of(Diagnostic.fileError(code, file, message, hint)));
  }

  /** The diagnostics that explain the failure. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
