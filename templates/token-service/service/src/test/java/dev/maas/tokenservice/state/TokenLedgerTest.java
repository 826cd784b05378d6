package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ledger under concurrent changes and a store that keeps refusing writes; live tokens. */
class TokenLedgerTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

  /**
   * A store in memory that refuses every other write, as a ConfigMap does when another replica
   * wrote first.
   */
  private static final class ContendedStore implements StateStore {
    TokenState stored = TokenState.EMPTY;
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public synchronized Snapshot read() {
      return new Snapshot(stored, null);
    }

    @Override
    public synchronized Optional<Snapshot> write(TokenState state, Snapshot basis)
        throws IOException {
      if (writes.incrementAndGet() % 2 == 1) {
        // Another replica's revocation lands first.
        stored = stored.withRevokeAll("other-replica-user", 1_800_000_000L);
        return Optional.empty();
      }
      stored = state;
      return Optional.of(new Snapshot(state, null));
    }
  }

  @Test
  void concurrentChangesAllLandAndAConflictMergesTheOtherWrite() throws Exception {
    ContendedStore store = new ContendedStore();
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
    int issued = store.stored.issued().values().stream().mapToInt(m -> m.size()).sum();
    assertEquals(200, issued, "every change is stored");
    assertTrue(
        store.stored.revokedBefore().containsKey("other-replica-user"),
        "the other write is merged, not lost");
    assertTrue(
        store.writes.get() < 400,
        "changes share writes: " + store.writes.get() + " writes for 200 changes");
  }

  @Test
  void liveTokensLeaveOutRevokedAndExpiredOnes() throws Exception {
    TokenLedger ledger = new TokenLedger(new ContendedStore(), 3600, CLOCK);
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
}
