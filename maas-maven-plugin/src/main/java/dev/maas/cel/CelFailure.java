package dev.maas.cel;

/** A CEL expression that does not compile, or that failed while it was evaluated. */
public final class CelFailure extends Exception {

  private final String expression;

  CelFailure(String expression, String message) {
    super(message, null, false, false);
    this.expression = expression;
  }

  /** The expression's source text. */
  public String expression() {
    return expression;
  }
}
