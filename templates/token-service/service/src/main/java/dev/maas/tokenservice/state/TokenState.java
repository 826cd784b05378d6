package dev.maas.tokenservice.state;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable state, per user: the second before which all their tokens are revoked (one entry per revoke-all, not
 * one per token), single revoked tokens (jti to expiry), and their live issued tokens (jti to record).
 *
 * <p>Replicas merge states as a union, so no replica's change is lost; {@link #pruned} drops what can no longer
 * matter.
 *
 * @param revokedBefore user to the epoch second before which their tokens are revoked
 * @param revoked user to revoked jti to that token's expiry
 * @param issued user to jti to the issued token
 */
public record TokenState(Map<String, Long> revokedBefore, Map<String, Map<String, Long>> revoked,
    Map<String, Map<String, IssuedToken>> issued) {

  public static final TokenState EMPTY = new TokenState(Map.of(), Map.of(), Map.of());

  public TokenState {
    // Map.copyOf returns a map that is already immutable as it is, so a change copies only the outer maps and the
    // one user's inner map it touches, not every token of every user.
    revokedBefore = frozen(revokedBefore);
    revoked = frozenNested(revoked);
    issued = frozenNested(issued);
  }

  /** Whether the token {@code jti} of {@code sub}, issued at {@code iat}, is revoked. */
  public boolean isRevoked(String jti, String sub, long iat) {
    return iat < revokedBefore.getOrDefault(sub, 0L) || revoked.getOrDefault(sub, Map.of()).containsKey(jti);
  }

  /** The union: the later cut-off per user, every revoked jti, every issued token. */
  public TokenState merge(TokenState other) {
    Map<String, Long> before = new TreeMap<>(revokedBefore);
    other.revokedBefore.forEach((u, t) -> before.merge(u, t, Math::max));
    return new TokenState(before, union(revoked, other.revoked), union(issued, other.issued));
  }

  /**
   * Without what can no longer matter: cut-offs older than the longest token life, expired revocations, and issued
   * tokens that expired or were revoked.
   */
  public TokenState pruned(long now, long maxTtl) {
    Map<String, Long> before = new HashMap<>(revokedBefore);
    before.values().removeIf(t -> t < now - maxTtl);
    Map<String, Map<String, Long>> jtis = keep(revoked, (user, exp) -> exp >= now);
    TokenState cut = new TokenState(before, jtis, issued);
    return new TokenState(before, jtis,
        keep(issued, (user, t) -> t.exp() >= now && !cut.isRevoked(t.jti(), user, t.iat())));
  }

  /** The entries {@code keep} accepts; an inner map that loses nothing is reused as it is. */
  private static <V> Map<String, Map<String, V>> keep(Map<String, Map<String, V>> map,
      java.util.function.BiPredicate<String, V> keep) {
    Map<String, Map<String, V>> out = new HashMap<>();
    map.forEach((user, inner) -> {
      if (inner.values().stream().allMatch(v -> keep.test(user, v))) {
        out.put(user, inner);
      } else {
        Map<String, V> live = new HashMap<>(inner);
        live.values().removeIf(v -> !keep.test(user, v));
        if (!live.isEmpty()) {
          out.put(user, live);
        }
      }
    });
    return out;
  }

  /** With every token of {@code user} issued before {@code before} revoked. */
  public TokenState withRevokeAll(String user, long before) {
    Map<String, Long> out = new HashMap<>(revokedBefore);
    out.merge(user, before, Math::max);
    return new TokenState(out, revoked, issued);
  }

  /** With the token {@code jti} of {@code user}, which expires at {@code exp}, revoked. */
  public TokenState withRevoked(String user, String jti, long exp) {
    return new TokenState(revokedBefore, with(revoked, user, jti, exp), issued);
  }

  /** With {@code token} recorded as issued to {@code user}. */
  public TokenState withIssued(String user, IssuedToken token) {
    return new TokenState(revokedBefore, revoked, with(issued, user, token.jti(), token));
  }

  private static <V> Map<String, Map<String, V>> with(Map<String, Map<String, V>> map, String user, String key, V value) {
    Map<String, Map<String, V>> out = new HashMap<>(map);
    Map<String, V> mine = new HashMap<>(map.getOrDefault(user, Map.of()));
    mine.put(key, value);
    out.put(user, mine);
    return out;
  }

  private static <K, V> Map<K, V> frozen(Map<K, V> map) {
    return map == null ? Map.of() : Map.copyOf(map);
  }

  private static <V> Map<String, Map<String, V>> frozenNested(Map<String, Map<String, V>> map) {
    Map<String, Map<String, V>> out = new HashMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k, frozen(v)));
    }
    return Map.copyOf(out);
  }

  private static <V> Map<String, Map<String, V>> union(Map<String, Map<String, V>> a, Map<String, Map<String, V>> b) {
    Map<String, Map<String, V>> out = new TreeMap<>();
    a.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
    b.forEach((k, v) -> out.computeIfAbsent(k, x -> new TreeMap<>()).putAll(v));
    return out;
  }
}
