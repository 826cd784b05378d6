package dev.maas.tokenservice.keys;

/**
 * Which file names may serve as key ids as they are: they end up in every token header and in the
 * log.
 */
final class KeyIds {

  static final int MAX_LENGTH = 100;

  private KeyIds() {}

  /** Letters, digits, {@code .}, {@code _} and {@code -}, one to a hundred of them. */
  static boolean isSafe(String name) {
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
