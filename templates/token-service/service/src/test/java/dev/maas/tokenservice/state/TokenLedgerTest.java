package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ledger under concurrent changes, the per-user bound of single revocations, live tokens. */
class TokenLedgerTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

  /** A store in memory, one entry per fact key, counting its writes. */
  private static final class MemoryStore implements StateStore {
    final Map<String, Fact> facts = new TreeMap<>();
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public synchronized TokenState read() {
      return TokenState.of(facts.values());
    }

    @Override
    public synchronized List<Fact> write(List<Fact> written) {
      writes.incrementAndGet();
      List<Fact> out = new ArrayList<>();
      for (Fact f : written) {
        out.add(facts.merge(f.key(), f, Fact::merge));
      }
      return out;
    }

    @Override
    public synchronized Optional<Fact> find(Fact.Kind kind, String user, String id) {
      return Optional.ofNullable(facts.get(Fact.keyOf(kind, user, id)));
    }

    @Override
    public synchronized int prune(long now) {
      int before = facts.size();
      facts.values().removeIf(f -> f.expiredAt(now));
      return before - facts.size();
    }

    @Override
    public String describe() {
      return "memory";
    }
  }

  @Test
  void concurrentChangesAllLandAndShareWrites() throws Exception {
    MemoryStore store = new MemoryStore();
    TokenLedger ledger = new TokenLedger(store, 3600, CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String jti = "j" + i;
      futures.add(
          pool.submit(
              () -> {
                ledger.change(
                    d ->
                        d.issue(
                            "u" + (jti.hashCode() % 7),
                            new IssuedToken(jti, "free", 1_800_000_000L, 1_800_000_600L, null)));
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertEquals(200, store.facts.size(), "every change is stored, one record each");
    assertEquals(200, store.read().issued().values().stream().mapToInt(Map::size).sum());
    assertTrue(
        store.writes.get() < 200,
        "changes share writes: " + store.writes.get() + " writes for 200 changes");
  }

  @Test
  void pastTheBoundASingleRevocationRevokesAllAndNeverFails() throws Exception {
    MemoryStore store = new MemoryStore();
    TokenLedger ledger = new TokenLedger(store, 3600, CLOCK);
    long now = CLOCK.instant().getEpochSecond();
    for (int i = 0; i < TokenLedger.MAX_REVOKED_PER_USER; i++) {
      String jti = "r" + i;
      ledger.change(d -> d.revoke("hoarder", jti, now + 600));
    }
    assertEquals(TokenLedger.MAX_REVOKED_PER_USER, ledger.revokedCount("hoarder"));
    assertFalse(ledger.isRevoked("other", "hoarder", now - 1));
    ledger.change(d -> d.revoke("hoarder", "one-more", now + 600));
    assertEquals(
        TokenLedger.MAX_REVOKED_PER_USER,
        ledger.revokedCount("hoarder"),
        "no single revocation is added past the bound");
    assertTrue(ledger.isRevoked("one-more", "hoarder", now), "the token is revoked all the same");
    assertTrue(ledger.isRevoked("other", "hoarder", now), "with every token issued until now");
    assertEquals(now + 1, store.read().revokedBefore().get("hoarder"));
    assertEquals(TokenLedger.MAX_REVOKED_PER_USER + 1, store.facts.size());
    // Another user's revocations are their own.
    ledger.change(d -> d.revoke("someone", "s1", now + 600));
    assertEquals(1, ledger.revokedCount("someone"));
  }

  @Test
  void liveTokensLeaveOutRevokedAndExpiredOnes() throws Exception {
    TokenLedger ledger = new TokenLedger(new MemoryStore(), 3600, CLOCK);
    long now = CLOCK.instant().getEpochSecond();
    ledger.change(
        d ->
            d.issue("u", new IssuedToken("a", "free", now, now + 60, null))
                .issue("u", new IssuedToken("b", "free", now, now + 60, null))
                .issue("u", new IssuedToken("c", "free", now - 120, now - 60, null)));
    ledger.change(d -> d.revoke("u", "b", now + 60));
    assertEquals(List.of("a"), ledger.liveTokens("u").stream().map(IssuedToken::jti).toList());
    assertEquals(1, ledger.revokedCount("u"));
  }

  @Test
  void pruningDropsExpiredRecordsFromTheStore() throws Exception {
    MemoryStore store = new MemoryStore();
    TokenLedger ledger = new TokenLedger(store, 3600, CLOCK);
    long now = CLOCK.instant().getEpochSecond();
    ledger.change(
        d ->
            d.revoke("u", "gone", now - 1)
                .revoke("u", "kept", now + 60)
                .issue("u", new IssuedToken("gone", "free", now - 100, now - 1, null)));
    assertEquals(3, store.facts.size());
    assertEquals(2, ledger.prune());
    assertEquals(1, store.facts.size());
  }
}
