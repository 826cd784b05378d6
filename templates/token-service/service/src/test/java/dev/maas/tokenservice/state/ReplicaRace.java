package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two replicas' ledgers on one store race revocations with issuance: each revoked token is issued
 * on one replica and revoked on the other (which has not reloaded, so it reads the store), while as
 * many new tokens are issued on both. Then the store and both replicas must know every revocation
 * and no new token may be revoked.
 */
final class ReplicaRace {

  /** Users the tokens are spread over: 50 single revocations each, under the per-user bound. */
  static final int USERS = 20;

  private ReplicaRace() {}

  /** Runs {@code revocations} of them; {@code reader} is a third client of the same store. */
  static void run(TokenLedger a, TokenLedger b, StateStore reader, int revocations)
      throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < revocations; i++) {
      String user = "user" + (i % USERS);
      String revoked = "rev" + i;
      String issued = "new" + i;
      TokenLedger issuer = i % 2 == 0 ? a : b;
      TokenLedger revoker = i % 2 == 0 ? b : a;
      futures.add(
          pool.submit(
              () -> {
                issuer.change(
                    d -> d.issue(user, new IssuedToken(revoked, "free", now, now + 600, null)));
                IssuedToken token = revoker.liveToken(user, revoked).orElseThrow();
                revoker.change(d -> d.revoke(user, token.jti(), token.exp()));
                return null;
              }));
      futures.add(
          pool.submit(
              () -> {
                revoker.change(
                    d -> d.issue(user, new IssuedToken(issued, "free", now, now + 600, null)));
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    TokenState stored = reader.read();
    assertEquals(revocations, stored.revoked().values().stream().mapToInt(Map::size).sum());
    if (reader instanceof IssuedTokenIndex index) {
      // The store's index drops a token as it is revoked: the new ones are left.
      int live = 0;
      for (int u = 0; u < USERS; u++) {
        live += index.live("user" + u, now).size();
      }
      assertEquals(revocations, live);
      assertTrue(stored.issued().isEmpty(), "issued tokens stay in the store's index");
    } else {
      assertEquals(2 * revocations, stored.issued().values().stream().mapToInt(Map::size).sum());
    }
    assertTrue(stored.revokedBefore().isEmpty(), "no revocation fell back to a revoke-all");
    for (TokenLedger replica : List.of(a, b)) {
      replica.reload();
      for (int i = 0; i < revocations; i++) {
        assertTrue(replica.isRevoked("rev" + i, "user" + (i % USERS), now), "rev" + i);
        assertFalse(replica.isRevoked("new" + i, "user" + (i % USERS), now), "new" + i);
      }
    }
  }

  /**
   * Both replicas write {@code user}'s cut-off {@code writes} times at once (the latest is {@code
   * now + writes - 1}) while {@code b} revokes {@code keyOwner}'s API key {@code keyId} at {@code
   * now}: every write is to a record the other replica writes too.
   */
  static void contend(
      TokenLedger a,
      TokenLedger b,
      String user,
      String keyOwner,
      String keyId,
      long now,
      int writes)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < writes; i++) {
      TokenLedger ledger = i % 2 == 0 ? a : b;
      long cut = now + i;
      futures.add(
          pool.submit(
              () -> {
                ledger.change(d -> d.revokeAll(user, cut));
                return null;
              }));
    }
    futures.add(
        pool.submit(
            () -> {
              b.change(d -> d.revokeApiKey(keyOwner, keyId, now));
              return null;
            }));
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }
}
