package dev.maas.tokenservice.quota;

/** Limitador could not be read: not reachable, too slow, or it answered something else. */
public final class LimitadorUnavailableException extends Exception {

  public LimitadorUnavailableException(String message) {
    super(message);
  }
}
