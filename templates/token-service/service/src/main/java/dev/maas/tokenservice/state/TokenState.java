package dev.maas.tokenservice.state;

import java.util.Map;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * Immutable state, per user: the second before which all their tokens are revoked (one entry per
 * revoke-all, not one per token), single revoked tokens (jti to expiry), and their live issued
 * tokens (jti to record).
 *
 * <p>Replicas merge states as a union, so no replica's change is lost; {@link #pruned} drops what
 * can no longer matter.
 *
 * @param revokedBefore user to the epoch second before which their tokens are revoked
 * @param revoked user to revoked jti to that token's expiry
 * @param issued user to jti to the issued token
 * @param apiKeys user to key id to the API key's record (its hash, never the key)
 */
public record TokenState(
    Map<String, Long> revokedBefore,
    Map<String, Map<String, Long>> revoked,
    Map<String, Map<String, IssuedToken>> issued,
    Map<String, Map<String, ApiKeyRecord>> apiKeys) {

  public static final TokenState EMPTY = new TokenState(Map.of(), Map.of(), Map.of(), Map.of());

  /** A state without API keys. */
  public TokenState(
      Map<String, Long> revokedBefore,
      Map<String, Map<String, Long>> revoked,
      Map<String, Map<String, IssuedToken>> issued) {
    this(revokedBefore, revoked, issued, Map.of());
  }

  public TokenState {
    // Persistent maps are kept as they are, so a change shares every user's entry it does not
    // touch.
    revokedBefore = frozen(revokedBefore);
    revoked = frozenNested(revoked);
    issued = frozenNested(issued);
    apiKeys = frozenNested(apiKeys);
  }

  /**
   * The owner and record of the API key whose SHA-256 is {@code sha256}, if any (revoked or expired
   * included).
   */
  public java.util.Optional<Map.Entry<String, ApiKeyRecord>> apiKeyByHash(String sha256) {
    for (Map.Entry<String, Map<String, ApiKeyRecord>> user : apiKeys.entrySet()) {
      for (ApiKeyRecord key : user.getValue().values()) {
        if (java.security.MessageDigest.isEqual(
            key.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            sha256.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
          return java.util.Optional.of(Map.entry(user.getKey(), key));
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether the token {@code jti} of {@code sub}, issued at {@code iat}, is revoked. */
  public boolean isRevoked(String jti, String sub, long iat) {
    return iat < revokedBefore.getOrDefault(sub, 0L)
        || revoked.getOrDefault(sub, Map.of()).containsKey(jti);
  }

  /** The union: the later cut-off per user, every revoked jti, every issued token. */
  public TokenState merge(TokenState other) {
    PMap<String, Long> before = (PMap<String, Long>) revokedBefore;
    for (Map.Entry<String, Long> e : other.revokedBefore.entrySet()) {
      Long mine = before.get(e.getKey());
      if (mine == null || mine < e.getValue()) {
        before = before.plus(e.getKey(), e.getValue());
      }
    }
    return new TokenState(
        before,
        union(revoked, other.revoked, Math::max),
        union(issued, other.issued, (a, b) -> b),
        union(apiKeys, other.apiKeys, ApiKeyRecord::merge));
  }

  /**
   * Without what can no longer matter: cut-offs older than the longest token life, expired
   * revocations, and issued tokens that expired or were revoked.
   */
  public TokenState pruned(long now, long maxTtl) {
    PMap<String, Long> before = (PMap<String, Long>) revokedBefore;
    for (Map.Entry<String, Long> e : revokedBefore.entrySet()) {
      if (e.getValue() < now - maxTtl) {
        before = before.minus(e.getKey());
      }
    }
    Map<String, Map<String, Long>> jtis = keep(revoked, (user, exp) -> exp >= now);
    TokenState cut = new TokenState(before, jtis, issued);
    // A revoked key stays until it would have expired, so a replica that has not seen the
    // revocation cannot bring it back by merging; an expired key can no longer authenticate and
    // goes.
    return new TokenState(
        before,
        jtis,
        keep(issued, (user, t) -> t.exp() >= now && !cut.isRevoked(t.jti(), user, t.iat())),
        keep(apiKeys, (user, k) -> k.expiresAt() >= now));
  }

  /** The entries {@code keep} accepts; a user's map that loses nothing is shared as it is. */
  private static <V> Map<String, Map<String, V>> keep(
      Map<String, Map<String, V>> map, java.util.function.BiPredicate<String, V> keep) {
    PMap<String, Map<String, V>> out = (PMap<String, Map<String, V>>) map;
    for (Map.Entry<String, Map<String, V>> user : map.entrySet()) {
      PMap<String, V> inner = (PMap<String, V>) user.getValue();
      PMap<String, V> live = inner;
      for (Map.Entry<String, V> e : inner.entrySet()) {
        if (!keep.test(user.getKey(), e.getValue())) {
          live = live.minus(e.getKey());
        }
      }
      if (live.isEmpty()) {
        out = out.minus(user.getKey());
      } else if (live != inner) {
        out = out.plus(user.getKey(), live);
      }
    }
    return out;
  }

  /** This state without issued tokens, which a store that indexes them keeps instead. */
  public TokenState withoutIssued() {
    return new TokenState(revokedBefore, revoked, HashTreePMap.empty(), apiKeys);
  }

  /** With every token of {@code user} issued before {@code before} revoked. */
  public TokenState withRevokeAll(String user, long before) {
    return draft().revokeAll(user, before).build();
  }

  /** With the token {@code jti} of {@code user}, which expires at {@code exp}, revoked. */
  public TokenState withRevoked(String user, String jti, long exp) {
    return draft().revoke(user, jti, exp).build();
  }

  /** With {@code token} recorded as issued to {@code user}. */
  public TokenState withIssued(String user, IssuedToken token) {
    return draft().issue(user, token).build();
  }

  /** A mutable copy to apply many changes to before one immutable state is built again. */
  public Draft draft() {
    return new Draft(this, 0, 0);
  }

  /**
   * A draft that knows the time: past {@link TokenLedger#MAX_REVOKED_PER_USER} single revocations a
   * user's next one becomes a revoke-all at {@code now}, so revoking never fails and never grows
   * the state past the bound; a cut-off is kept {@code maxTtl} past its second.
   */
  public Draft draft(long now, long maxTtl) {
    return new Draft(this, now, maxTtl);
  }

  /** The state of {@code facts}, merged. */
  public static TokenState of(Iterable<Fact> facts) {
    Draft draft = EMPTY.draft();
    facts.forEach(draft::apply);
    return draft.build();
  }

  /** The facts of this state, one per store object, a cut-off kept {@code maxTtl} past it. */
  public java.util.List<Fact> facts(long maxTtl) {
    java.util.List<Fact> out = new java.util.ArrayList<>();
    revokedBefore.forEach((user, before) -> out.add(Fact.cutOff(user, before, maxTtl)));
    revoked.forEach((user, m) -> m.forEach((jti, exp) -> out.add(Fact.revoked(user, jti, exp))));
    issued.forEach((user, m) -> m.values().forEach(t -> out.add(Fact.issued(user, t))));
    apiKeys.forEach((user, m) -> m.values().forEach(k -> out.add(Fact.apiKey(user, k))));
    return out;
  }

  /**
   * Changes on their way to a state. The maps are persistent: a change makes a new version of the
   * one user's map it touches and of the outer map's path to it, sharing everything else, so a
   * batch of changes costs a few small allocations per change and nothing per user the batch does
   * not touch.
   */
  public static final class Draft {
    private PMap<String, Long> before;
    private PMap<String, Map<String, Long>> revoked;
    private PMap<String, Map<String, IssuedToken>> issued;
    private PMap<String, Map<String, ApiKeyRecord>> apiKeys;
    private final long now;
    private final long maxTtl;

    /** What the changes made so far store, by store key: one write each. */
    private final Map<String, Fact> changed = new java.util.LinkedHashMap<>();

    private Draft(TokenState from, long now, long maxTtl) {
      before = (PMap<String, Long>) from.revokedBefore;
      revoked = (PMap<String, Map<String, Long>>) from.revoked;
      issued = (PMap<String, Map<String, IssuedToken>>) from.issued;
      apiKeys = (PMap<String, Map<String, ApiKeyRecord>>) from.apiKeys;
      this.now = now;
      this.maxTtl = maxTtl;
    }

    /** The facts the changes made so far stored, one per store key. */
    public java.util.List<Fact> changes() {
      return java.util.List.copyOf(changed.values());
    }

    /** Merges in {@code fact} as a store holds it; records no change. */
    public Draft apply(Fact fact) {
      switch (fact.kind()) {
        case ISSUED -> issued = with(issued, fact.user(), fact.id(), fact.token(), (a, b) -> b);
        case REVOKED ->
            revoked = with(revoked, fact.user(), fact.id(), fact.expiresAt(), Math::max);
        case CUT_OFF ->
            before = before.plus(fact.user(), max(before.get(fact.user()), fact.before()));
        case API_KEY ->
            apiKeys = with(apiKeys, fact.user(), fact.id(), fact.apiKey(), ApiKeyRecord::merge);
      }
      return this;
    }

    private void record(Fact fact) {
      changed.merge(fact.key(), fact, Fact::merge);
    }

    public Draft addApiKey(String user, ApiKeyRecord key) {
      apiKeys = with(apiKeys, user, key.id(), key, (a, b) -> b);
      record(Fact.apiKey(user, key));
      return this;
    }

    /** Marks the key revoked at {@code at}; an unknown id changes nothing. */
    public Draft revokeApiKey(String user, String id, long at) {
      ApiKeyRecord key = apiKeys.getOrDefault(user, Map.of()).get(id);
      if (key != null && key.revokedAt() == 0) {
        ApiKeyRecord revokedKey =
            new ApiKeyRecord(
                key.id(),
                key.sha256(),
                key.name(),
                key.tier(),
                key.createdAt(),
                key.expiresAt(),
                at);
        apiKeys = with(apiKeys, user, id, revokedKey, (a, b) -> b);
        record(Fact.apiKey(user, revokedKey));
      }
      return this;
    }

    public Draft revokeAll(String user, long cutOff) {
      long merged = max(before.get(user), cutOff);
      before = before.plus(user, merged);
      record(Fact.cutOff(user, merged, maxTtl));
      return this;
    }

    /**
     * Revokes one token; past the per-user bound of single revocations (in a draft that knows the
     * time) every token of the user issued so far is revoked instead, with one cut-off.
     */
    public Draft revoke(String user, String jti, long exp) {
      Map<String, Long> mine = revoked.getOrDefault(user, Map.of());
      if (now > 0 && !mine.containsKey(jti) && mine.size() >= TokenLedger.MAX_REVOKED_PER_USER) {
        return revokeAll(user, now + 1);
      }
      revoked = with(revoked, user, jti, exp, Math::max);
      record(Fact.revoked(user, jti, exp));
      return this;
    }

    public Draft issue(String user, IssuedToken token) {
      issued = with(issued, user, token.jti(), token, (a, b) -> b);
      record(Fact.issued(user, token));
      return this;
    }

    public TokenState build() {
      return new TokenState(before, revoked, issued, apiKeys);
    }

    private static long max(Long known, long other) {
      return known == null ? other : Math.max(known, other);
    }

    /** {@code map} with {@code value} merged in at {@code user}, {@code id}. */
    private static <V> PMap<String, Map<String, V>> with(
        PMap<String, Map<String, V>> map,
        String user,
        String id,
        V value,
        java.util.function.BinaryOperator<V> merge) {
      @SuppressWarnings("unchecked")
      PMap<String, V> mine = (PMap<String, V>) map.getOrDefault(user, HashTreePMap.empty());
      V known = mine.get(id);
      return map.plus(user, mine.plus(id, known == null ? value : merge.apply(known, value)));
    }
  }

  private static <K, V> Map<K, V> frozen(Map<K, V> map) {
    if (map instanceof PMap<K, V> persistent) {
      return persistent;
    }
    return map == null ? HashTreePMap.empty() : HashTreePMap.from(map);
  }

  private static <V> Map<String, Map<String, V>> frozenNested(Map<String, Map<String, V>> map) {
    // A persistent outer map comes from a draft (or from here), whose inner maps are persistent
    // too: kept as it is, as checking every user's entry would cost what the persistent maps save.
    if (map instanceof PMap<String, Map<String, V>> persistent) {
      return persistent;
    }
    PMap<String, Map<String, V>> out = HashTreePMap.empty();
    if (map != null) {
      for (Map.Entry<String, Map<String, V>> e : map.entrySet()) {
        out = out.plus(e.getKey(), frozen(e.getValue()));
      }
    }
    return out;
  }

  /**
   * {@code a} with {@code b} merged in; a user's map is copied only where {@code b} adds to it, so
   * a reload that brings nothing new for most users shares their maps as they are.
   */
  private static <V> Map<String, Map<String, V>> union(
      Map<String, Map<String, V>> a,
      Map<String, Map<String, V>> b,
      java.util.function.BinaryOperator<V> merge) {
    PMap<String, Map<String, V>> out = (PMap<String, Map<String, V>>) a;
    for (Map.Entry<String, Map<String, V>> user : b.entrySet()) {
      PMap<String, V> mine = (PMap<String, V>) out.get(user.getKey());
      if (mine == null) {
        out = out.plus(user.getKey(), user.getValue());
        continue;
      }
      PMap<String, V> both = mine;
      for (Map.Entry<String, V> e : user.getValue().entrySet()) {
        V known = both.get(e.getKey());
        V merged = known == null ? e.getValue() : merge.apply(known, e.getValue());
        if (!merged.equals(known)) {
          both = both.plus(e.getKey(), merged);
        }
      }
      if (both != mine) {
        out = out.plus(user.getKey(), both);
      }
    }
    return out;
  }
}
