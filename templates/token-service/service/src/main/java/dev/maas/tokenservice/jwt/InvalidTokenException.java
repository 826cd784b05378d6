package dev.maas.tokenservice.jwt;

/**
 * A token that is not one of ours, or no longer valid; the message says why without quoting the
 * token.
 */
public final class InvalidTokenException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String message) {
    super(message, null, false, false);
  }
}
