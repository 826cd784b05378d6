package dev.maas.diag;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name closest to a misspelled one, for "did you mean" hints. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate nearest to {@code wrong} by edit distance, if it is close enough to be a typo.
   */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wrong.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance
          || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int allowed = Math.max(1, Math.min(3, Math.max(wrong.length(), best.length()) / 3));
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** A "did you mean" hint for the nearest candidate, or {@code null}. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    return closest(wrong, candidates).map(c -> "did you mean `" + c + "`?").orElse(null);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
