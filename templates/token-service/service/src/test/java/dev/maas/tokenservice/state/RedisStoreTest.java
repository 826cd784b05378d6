package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
      assertEquals(4, raw.keys("maas:keys:*").size());
      long ttl = raw.ttl("maas:keys:" + revoked.key());
      assertTrue(Math.abs(ttl - (600 + RedisStore.EXPIRY_SLACK_SECONDS)) <= 2, "TTL " + ttl + " s");
      assertEquals(revoked, store.find(Fact.Kind.REVOKED, "alice", "j1").orElseThrow());
      TokenState read = store.read();
      assertTrue(read.isRevoked("j1", "alice", now));
      assertTrue(read.isRevoked("x", "bob", now - 1));
      Thread.sleep(4500);
      assertEquals(3, raw.keys("maas:keys:*").size(), "Redis pruned the expired record itself");
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
