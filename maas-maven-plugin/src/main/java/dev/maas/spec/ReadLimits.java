package dev.maas.spec;

/**
 * Bounds that keep a hostile spec from exhausting memory or stack.
 *
 * @param maxBytes the largest file accepted
 * @param maxAliases the most aliases of collections in one document
 * @param maxDepth the deepest nesting of collections
 * @param maxNodes the most nodes after aliases are expanded
 */
public record ReadLimits(long maxBytes, int maxAliases, int maxDepth, int maxNodes) {

  /** Limits far above any real platform (4,000 models fit in under 2 MB) and far below harm. */
  public static final ReadLimits DEFAULT = new ReadLimits(16L * 1024 * 1024, 100, 64, 2_000_000);
}
