package dev.maas.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate-limit window as the spec writes it ({@code 30s}, {@code 2m}, {@code 1d}, {@code 1h30m}).
 *
 * @param text the window as written
 * @param millis its length in milliseconds
 */
public record Window(String text, long millis) {

  /** The spec's window syntax: one or more number-unit pairs; days are allowed. */
  public static final Pattern SYNTAX = Pattern.compile("^([0-9]{1,5}(ms|s|m|h|d))+$");

  private static final Pattern PART = Pattern.compile("([0-9]{1,5})(ms|s|m|h|d)");

  /** Kuadrant's window syntax: at most four pairs, no days. */
  public static final Pattern KUADRANT_SYNTAX = Pattern.compile("^([0-9]{1,5}(h|m|s|ms)){1,4}$");

  // A spec has a handful of distinct windows, parsed for every limit the renderer and the policy
  // proof read.
  private static final int KNOWN_AT_MOST = 1024;
  private static final java.util.concurrent.ConcurrentMap<String, Window> KNOWN =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Parses a window; throws {@link IllegalArgumentException} when it does not match {@link
   * #SYNTAX}.
   */
  public static Window parse(String text) {
    Window known = text == null ? null : KNOWN.get(text);
    if (known != null) {
      return known;
    }
    Window parsed = parseText(text);
    if (KNOWN.size() < KNOWN_AT_MOST) {
      KNOWN.putIfAbsent(text, parsed);
    }
    return parsed;
  }

  private static Window parseText(String text) {
    if (text == null || !SYNTAX.matcher(text).matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a window");
    }
    Matcher m = PART.matcher(text);
    long total = 0;
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total +=
          switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1_000L;
            case "m" -> n * 60_000L;
            case "h" -> n * 3_600_000L;
            default -> n * 86_400_000L;
          };
    }
    return new Window(text, total);
  }

  /** Whether {@code text} is a window in the spec's syntax. */
  public static boolean isValid(String text) {
    return text != null && SYNTAX.matcher(text).matches();
  }

  /**
   * The same length in Kuadrant's syntax: the largest units first, days as hours ({@code 1d} →
   * {@code 24h}, {@code 90s} → {@code 1m30s}); {@code null} when it cannot be written there (more
   * than 99999 hours).
   */
  public String toKuadrant() {
    long rest = millis;
    long hours = rest / 3_600_000L;
    rest %= 3_600_000L;
    long minutes = rest / 60_000L;
    rest %= 60_000L;
    long seconds = rest / 1_000L;
    long ms = rest % 1_000L;
    if (hours > 99_999) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    if (ms > 0) {
      out.append(ms).append("ms");
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** Window length in whole seconds, rounded up (Limitador counts in seconds). */
  public long seconds() {
    return (millis + 999) / 1000;
  }

  @Override
  public String toString() {
    return text;
  }
}
