package dev.maas.spec;

/**
 * Bounds that keep a hostile spec from exhausting memory, stack or time.
 *
 * @param maxBytes the largest file accepted
 * @param maxAliases the most aliases of collections in one document
 * @param maxDepth the deepest nesting of collections
 * @param maxNodes the most nodes after aliases are expanded
 * @param maxLineChars the longest line, in characters: the YAML parser copies what it has read of a
 *     line each time it reads more of it, so its time grows with the square of a line's length (a
 *     15 MiB line took minutes)
 */
public record ReadLimits(
    long maxBytes, int maxAliases, int maxDepth, int maxNodes, int maxLineChars) {

  /**
   * The longest line accepted unless told otherwise: 64 KiB, 32 times the longest single value the
   * schema allows.
   */
  public static final int DEFAULT_MAX_LINE_CHARS = 64 * 1024;

  /** Limits far above any real platform (4,000 models fit in under 2 MB) and far below harm. */
  public static final ReadLimits DEFAULT =
      new ReadLimits(16L * 1024 * 1024, 100, 64, 2_000_000, DEFAULT_MAX_LINE_CHARS);

  /** Limits with the default longest line. */
  public ReadLimits(long maxBytes, int maxAliases, int maxDepth, int maxNodes) {
    this(maxBytes, maxAliases, maxDepth, maxNodes, DEFAULT_MAX_LINE_CHARS);
  }
}
