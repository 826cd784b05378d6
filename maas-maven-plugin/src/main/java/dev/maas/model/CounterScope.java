package dev.maas.model;

/** Who shares a rate-limit counter. */
public enum CounterScope {
  /** Each user of the tier has a counter of their own. */
  USER,
  /** All users of the tier share one counter. */
  TIER;

  /** Parses the spec's spelling ({@code user}, {@code tier}); {@code null} means {@link #USER}. */
  public static CounterScope of(String text) {
    return text == null || text.equals("user") ? USER : TIER;
  }
}
