package dev.maas.tokenservice.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
    // Map.copyOf returns a map that is already immutable as it is, so a change copies only the
    // outer maps and the
    // one user's inner map it touches, not every token of every user.
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
    Map<String, Long> before = new TreeMap<>(revokedBefore);
    other.revokedBefore.forEach((u, t) -> before.merge(u, t, Math::max));
    Map<String, Map<String, ApiKeyRecord>> keys = new TreeMap<>();
    apiKeys.forEach((u, m) -> keys.put(u, new TreeMap<>(m)));
    other.apiKeys.forEach(
        (u, m) ->
            m.forEach(
                (id, k) ->
                    keys.computeIfAbsent(u, x -> new TreeMap<>())
                        .merge(id, k, ApiKeyRecord::merge)));
    return new TokenState(before, union(revoked, other.revoked), union(issued, other.issued), keys);
  }

  /**
   * Without what can no longer matter: cut-offs older than the longest token life, expired
   * revocations, and issued tokens that expired or were revoked.
   */
  public TokenState pruned(long now, long maxTtl) {
    Map<String, Long> before = new HashMap<>(revokedBefore);
    before.values().removeIf(t -> t < now - maxTtl);
    Map<String, Map<String, Long>> jtis = keep(revoked, (user, exp) -> exp >= now);
    TokenState cut = new TokenState(before, jtis, issued);
    // A revoked key stays until it would have expired, so a replica that has not seen the
    // revocation cannot bring it
    // back by merging; an expired key can no longer authenticate and goes.
    return new TokenState(
        before,
        jtis,
        keep(issued, (user, t) -> t.exp() >= now && !cut.isRevoked(t.jti(), user, t.iat())),
        keep(apiKeys, (user, k) -> k.expiresAt() >= now));
  }

  /** The entries {@code keep} accepts; an inner map that loses nothing is reused as it is. */
  private static <V> Map<String, Map<String, V>> keep(
      Map<String, Map<String, V>> map, java.util.function.BiPredicate<String, V> keep) {
    Map<String, Map<String, V>> out = new HashMap<>();
    map.forEach(
        (user, inner) -> {
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
   * Changes on their way to a state. A batch of changes costs one copy of the per-user maps, not
   * one each: the outer maps are copied once, a user's own map only when a change touches it.
   */
  public static final class Draft {
    // Each outer map is the state's own (immutable) until the first change to it copies it: a
    // batch of issues copies only the issued tokens' outer map, and the state built from it reuses
    // the other three as they are.
    private Map<String, Long> before;
    private Map<String, Map<String, Long>> revoked;
    private Map<String, Map<String, IssuedToken>> issued;
    private Map<String, Map<String, ApiKeyRecord>> apiKeys;
    private final Set<Map<?, ?>> owned =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final long now;
    private final long maxTtl;

    /** What the changes made so far store, by store key: one write each. */
    private final Map<String, Fact> changed = new java.util.LinkedHashMap<>();

    private Draft(TokenState from, long now, long maxTtl) {
      before = from.revokedBefore;
      revoked = from.revoked;
      issued = from.issued;
      apiKeys = from.apiKeys;
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
        case ISSUED -> ownIssued(fact.user()).put(fact.id(), fact.token());
        case REVOKED -> ownRevoked(fact.user()).merge(fact.id(), fact.expiresAt(), Math::max);
        case CUT_OFF -> ownBefore().merge(fact.user(), fact.before(), Math::max);
        case API_KEY ->
            ownApiKeys(fact.user()).merge(fact.id(), fact.apiKey(), ApiKeyRecord::merge);
      }
      return this;
    }

    private void record(Fact fact) {
      changed.merge(fact.key(), fact, Fact::merge);
    }

    public Draft addApiKey(String user, ApiKeyRecord key) {
      ownApiKeys(user).put(key.id(), key);
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
        ownApiKeys(user).put(id, revokedKey);
        record(Fact.apiKey(user, revokedKey));
      }
      return this;
    }

    public Draft revokeAll(String user, long cutOff) {
      long merged = ownBefore().merge(user, cutOff, Math::max);
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
      ownRevoked(user).merge(jti, exp, Math::max);
      record(Fact.revoked(user, jti, exp));
      return this;
    }

    public Draft issue(String user, IssuedToken token) {
      ownIssued(user).put(token.jti(), token);
      record(Fact.issued(user, token));
      return this;
    }

    public TokenState build() {
      return new TokenState(before, revoked, issued, apiKeys);
    }

    private Map<String, Long> ownBefore() {
      if (!owned.contains(before)) {
        before = new HashMap<>(before);
        owned.add(before);
      }
      return before;
    }

    private Map<String, IssuedToken> ownIssued(String user) {
      if (!owned.contains(issued)) {
        issued = new HashMap<>(issued);
        owned.add(issued);
      }
      return own(issued, user);
    }

    private Map<String, Long> ownRevoked(String user) {
      if (!owned.contains(revoked)) {
        revoked = new HashMap<>(revoked);
        owned.add(revoked);
      }
      return own(revoked, user);
    }

    private Map<String, ApiKeyRecord> ownApiKeys(String user) {
      if (!owned.contains(apiKeys)) {
        apiKeys = new HashMap<>(apiKeys);
        owned.add(apiKeys);
      }
      return own(apiKeys, user);
    }

    private <V> Map<String, V> own(Map<String, Map<String, V>> map, String user) {
      Map<String, V> mine = map.get(user);
      if (mine == null || !owned.contains(mine)) {
        mine = mine == null ? new HashMap<>() : new HashMap<>(mine);
        owned.add(mine);
        map.put(user, mine);
      }
      return mine;
    }
  }

  /**
   * The classes of the maps {@link Map#copyOf} makes (one entry, and any other size), which it
   * returns as they are: asking by class costs nothing, where asking {@code copyOf} would copy a
   * mutable map only to compare it. A holder class, as {@link #EMPTY} is built before this class's
   * later fields are set.
   */
  private static final class Immutable {
    static final Set<Class<?>> CLASSES = Set.of(Map.of().getClass(), Map.of("", "").getClass());
  }

  private static boolean isFrozen(Map<?, ?> m) {
    return Immutable.CLASSES.contains(m.getClass());
  }

  private static <K, V> Map<K, V> frozen(Map<K, V> map) {
    return map == null ? Map.of() : Map.copyOf(map);
  }

  private static <V> Map<String, Map<String, V>> frozenNested(Map<String, Map<String, V>> map) {
    // A map a draft did not change is already frozen through and through: kept as it is rather
    // than copied, as every state the writer builds would otherwise copy every user's entry.
    if (map != null && isFrozen(map) && map.values().stream().allMatch(TokenState::isFrozen)) {
      return map;
    }
    Map<String, Map<String, V>> out = new HashMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k, frozen(v)));
    }
    return Map.copyOf(out);
  }

  private static <V> Map<String, Map<String, V>> union(
      Map<String, Map<String, V>> a, Map<String, Map<String, V>> b) {
    // A user's map is copied only when the other side adds to it: a reload that brings nothing new
    // for most users reuses their maps rather than copying every record of the state.
    Map<String, Map<String, V>> out = new HashMap<>(a);
    b.forEach(
        (k, v) -> {
          Map<String, V> mine = out.get(k);
          if (mine == null) {
            out.put(k, v);
          } else if (!mine.entrySet().containsAll(v.entrySet())) {
            Map<String, V> both = new HashMap<>(mine);
            both.putAll(v);
            out.put(k, both);
          }
        });
    return out;
  }
}
