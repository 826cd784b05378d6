package dev.maas.tokenservice.text;

/**
 * Lifetimes such as {@code 4h}, {@code 1h30m}, {@code 2d} or {@code 90s}, read by one left-to-right
 * scan.
 *
 * <p>No regular expression: a crafted string of many digit-unit pairs once drove the JDK's
 * backtracking matcher into a stack overflow. The text is bounded before it is read, each number to
 * six digits, and the sum is exact.
 */
public final class Durations {

  /** The longest lifetime text accepted; {@code 12d23h59m59s} needs 12 characters. */
  public static final int MAX_LENGTH = 32;

  private static final int MAX_DIGITS = 6;

  private Durations() {}

  /**
   * The lifetime in seconds; an {@link IllegalArgumentException} that says what a lifetime looks
   * like otherwise.
   */
  public static long seconds(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      throw invalid();
    }
    long total = 0;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      long number = 0;
      while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        if (i - start == MAX_DIGITS) {
          throw invalid();
        }
        number = number * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == start || i == text.length()) {
        throw invalid();
      }
      long unit =
          switch (text.charAt(i)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> throw invalid();
          };
      total = Math.addExact(total, Math.multiplyExact(number, unit));
      i++;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("a lifetime must be longer than zero");
    }
    return total;
  }

  /** Whole hours, minutes or seconds, whichever is exact. */
  public static String format(long seconds) {
    return seconds % 3600 == 0
        ? seconds / 3600 + "h"
        : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException(
        "a lifetime is a duration like \"4h\", \"30m\" or \"1h30m\" (at most "
            + MAX_LENGTH
            + " characters), or whole seconds");
  }
}
