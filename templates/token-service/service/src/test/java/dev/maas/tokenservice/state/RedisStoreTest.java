package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The Redis store against a real {@code redis-server}: one key per record that expires with it,
 * merges under WATCH when replicas write the same record, and two replicas that race revocations
 * with issuance lose none. Skipped, saying so, where Debian's redis-server is not installed.
 */
class RedisStoreTest {

  @TempDir static Path dir;

  private static RedisServer redis;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        RedisServer.installed(), "redis-server is not installed (apt-get install redis-server)");
    redis = RedisServer.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  private static RedisStore store(String prefix) {
    return new RedisStore(redis.url(), null, null, prefix);
  }

  @Test
  void oneKeyPerRecordThatExpiresWithIt() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    try (RedisStore store = store("maas:keys");
        Jedis raw = new Jedis(redis.url())) {
      Fact revoked = Fact.revoked("alice", "j1", now + 600);
      store.write(
          List.of(
              revoked,
              Fact.issued("alice", new IssuedToken("j1", "free", now, now + 600, null)),
              Fact.cutOff("bob", now, 3600),
              Fact.revoked("carol", "soon", now - RedisStore.EXPIRY_SLACK_SECONDS + 3)));
      // Two revocations and a cut-off; the revoked token left alice's index, which went with it.
      assertEquals(3, raw.keys("maas:keys:*").size());
      assertEquals(List.of(), store.live("alice", now));
      long ttl = raw.ttl("maas:keys:" + revoked.key());
      assertTrue(Math.abs(ttl - (600 + RedisStore.EXPIRY_SLACK_SECONDS)) <= 2, "TTL " + ttl + " s");
      assertEquals(revoked, store.find(Fact.Kind.REVOKED, "alice", "j1").orElseThrow());
      TokenState read = store.read();
      assertTrue(read.isRevoked("j1", "alice", now));
      assertTrue(read.isRevoked("x", "bob", now - 1));
      Thread.sleep(4500);
      assertEquals(2, raw.keys("maas:keys:*").size(), "Redis pruned the expired record itself");
    }
  }

  @Test
  void theCapOfLiveTokensHoldsAcrossTwoReplicasThatListFromRedis() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    try (TokenLedger a = new TokenLedger(store("maas:cap"), 3600, Clock.systemUTC());
        TokenLedger b = new TokenLedger(store("maas:cap"), 3600, Clock.systemUTC())) {
      List<CompletableFuture<Void>> issues = new ArrayList<>();
      int asked = TokenLedger.MAX_LIVE_TOKENS_PER_USER + 40;
      for (int i = 0; i < asked; i++) {
        IssuedToken token = new IssuedToken("t" + i, "free", now, now + 600, null);
        issues.add((i % 2 == 0 ? a : b).issue("alice", token));
      }
      int refused = 0;
      for (CompletableFuture<Void> issue : issues) {
        try {
          issue.get();
        } catch (ExecutionException e) {
          assertInstanceOf(TooManyLiveTokens.class, e.getCause());
          refused++;
        }
      }
      assertEquals(asked - TokenLedger.MAX_LIVE_TOKENS_PER_USER, refused);
      // Neither replica holds the tokens; each lists them all from Redis.
      assertTrue(a.state().issued().isEmpty());
      assertTrue(b.state().issued().isEmpty());
      assertEquals(TokenLedger.MAX_LIVE_TOKENS_PER_USER, a.liveTokens("alice").size());
      IssuedToken first = b.liveTokens("alice").get(0);
      assertEquals(first, a.liveToken("alice", first.jti()).orElseThrow());

      b.change(d -> d.revoke("alice", first.jti(), first.exp()));
      assertTrue(a.liveToken("alice", first.jti()).isEmpty(), "a reads b's revocation");
      assertEquals(TokenLedger.MAX_LIVE_TOKENS_PER_USER - 1, a.liveTokens("alice").size());
      a.issue("alice", new IssuedToken("again", "free", now, now + 600, null)).get();

      a.change(d -> d.revokeAll("alice", now + 1));
      assertEquals(List.of(), b.liveTokens("alice"), "the cut-off emptied alice's index");
      b.issue("alice", new IssuedToken("later", "free", now + 1, now + 600, null)).get();
      assertEquals(List.of("later"), a.liveTokens("alice").stream().map(IssuedToken::jti).toList());
      // A token issued before the cut-off that reaches Redis after it is never listed.
      b.issue("alice", new IssuedToken("late", "free", now, now + 600, null)).get();
      assertEquals(1, a.liveTokens("alice").size());
    }
  }

  @Test
  void aReplicasHeapDoesNotGrowWithTheTokensItIssues() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (TokenLedger ledger = new TokenLedger(store("maas:heap"), 3600, Clock.systemUTC())) {
      issue(ledger, 0, 1_000, now);
      long before = usedAfterGc(memory);
      int tokens = 20_000;
      issue(ledger, 1_000, tokens, now);
      long grown = usedAfterGc(memory) - before;
      assertTrue(ledger.state().issued().isEmpty());
      // Held in memory, the tokens took 250 bytes or more each (docs/performance.md): 5 MB here.
      assertTrue(grown < tokens * 50L, "the heap grew by " + grown + " bytes");
      ledger.reload();
      assertTrue(ledger.state().issued().isEmpty(), "a reload does not read issued tokens");
    }
  }

  /** Issues {@code count} tokens from {@code first} on, over 400 users (50 each, under the cap). */
  private static void issue(TokenLedger ledger, int first, int count, long now) throws Exception {
    List<CompletableFuture<Void>> issues = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      issues.add(
          ledger.issue(
              "user" + (i % 400), new IssuedToken("h" + i, "free", now, now + 600, "label")));
    }
    for (CompletableFuture<Void> issue : issues) {
      issue.get();
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void expiredTokensLeaveTheIndexAndFreeTheCap() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    try (RedisStore store = store("maas:expiry")) {
      List<Fact> old = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        old.add(Fact.issued("dave", new IssuedToken("old" + i, "free", now - 100, now - 1, null)));
      }
      assertEquals(List.of(true, true, true), store.issue(old, 3, now - 50));
      assertEquals(List.of(), store.live("dave", now));
      Fact fresh = Fact.issued("dave", new IssuedToken("new", "free", now, now + 60, null));
      assertEquals(List.of(true), store.issue(List.of(fresh), 1, now), "the expired ones went");
      assertEquals(List.of(false), store.issue(List.of(fresh), 1, now), "the cap is one");
    }
  }

  @Test
  void replicasWritingTheSameRecordMergeUnderWatch() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    ApiKeyRecord key = new ApiKeyRecord("k1", "ef".repeat(32), "n", "free", now, now + 600, 0);
    try (TokenLedger a = new TokenLedger(store("maas:merge"), 3600, Clock.systemUTC());
        TokenLedger b = new TokenLedger(store("maas:merge"), 3600, Clock.systemUTC())) {
      a.change(d -> d.addApiKey("carol", key));
      b.reload();
      ReplicaRace.contend(a, b, "mallory", "carol", "k1", now, 200);
      TokenState stored = store("maas:merge").read();
      assertEquals(now + 199, stored.revokedBefore().get("mallory"));
      assertEquals(now, stored.apiKeys().get("carol").get("k1").revokedAt());
    }
  }

  @Test
  void twoReplicasRacingAThousandRevocationsWithIssuanceLoseNone() throws Exception {
    try (TokenLedger a = new TokenLedger(store("maas:race"), 3600, Clock.systemUTC());
        TokenLedger b = new TokenLedger(store("maas:race"), 3600, Clock.systemUTC());
        RedisStore reader = store("maas:race")) {
      ReplicaRace.run(a, b, reader, 1000);
    }
  }
}
