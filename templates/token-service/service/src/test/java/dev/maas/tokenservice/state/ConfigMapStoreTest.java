package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.tokenservice.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes store, one ConfigMap per record, against a server with the API's documented
 * resourceVersion semantics ({@link RecordedKubernetesApi}): replicas that write the same record at
 * once merge through 409 and lose nothing, records are small and labelled, expired ones are
 * deleted, lists are paged.
 */
class ConfigMapStoreTest {

  private static final String NAME = "acme-token-service-state";

  @TempDir Path account;

  private RecordedKubernetesApi api;

  @BeforeEach
  void start() throws Exception {
    api = new RecordedKubernetesApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ConfigMapStore store() throws Exception {
    return new ConfigMapStore(api.client(account), NAME, 3600);
  }

  private TokenLedger replica() throws Exception {
    return new TokenLedger(store(), 3600, Clock.systemUTC());
  }

  @Test
  void everyRecordIsASmallLabelledObjectOfItsOwn() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    try (TokenLedger ledger = replica()) {
      ledger.change(
          d ->
              d.issue("alice", new IssuedToken("j1", "free", now, now + 600, "ci"))
                  .revoke("alice", "j1", now + 600)
                  .revokeAll("bob", now + 1)
                  .addApiKey(
                      "system:serviceaccount:team-a:bot",
                      new ApiKeyRecord("k1", "ab".repeat(32), null, "free", now, now + 600, 0)));
    }
    Map<String, ObjectNode> objects = api.objects();
    assertEquals(4, objects.size(), objects.keySet().toString());
    for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
      assertTrue(e.getKey().matches(NAME + "-(tok|rev|cut|key)-[0-9a-f]{40}"), e.getKey());
      assertTrue(e.getKey().length() <= 253);
      ObjectNode labels = (ObjectNode) e.getValue().path("metadata").path("labels");
      assertEquals(NAME, labels.path(ConfigMapStore.STATE_LABEL).asText());
      assertTrue(labels.path(ConfigMapStore.USER_LABEL).asText().matches("[0-9a-f]{40}"));
      int size = Json.MAPPER.writeValueAsBytes(e.getValue()).length;
      assertTrue(size < 1024, e.getKey() + " is " + size + " bytes");
    }
    // A fresh replica reads the same state back through the label selector.
    try (TokenLedger other = replica()) {
      other.reload();
      assertTrue(other.isRevoked("j1", "alice", now));
      assertTrue(other.isRevoked("any", "bob", now));
      assertEquals(1, other.apiKeys("system:serviceaccount:team-a:bot").size());
    }
  }

  @Test
  void twoReplicasWritingTheSameRecordsAtOnceMergeThroughConflicts() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    ApiKeyRecord key = new ApiKeyRecord("k1", "cd".repeat(32), "n", "free", now, now + 600, 0);
    try (TokenLedger a = replica();
        TokenLedger b = replica()) {
      a.change(d -> d.addApiKey("carol", key));
      b.reload();
      // The replicas collide only when one writes between the other's read and write, which a busy
      // machine may not interleave in one round: rounds repeat until they have (a bounded number).
      // Every round writes the same records, so the outcome below is each round's.
      for (int round = 0; round < 20 && api.conflicts.get() == 0; round++) {
        ReplicaRace.contend(a, b, "mallory", "carol", "k1", now, 60);
      }
      try (TokenLedger reader = replica()) {
        reader.reload();
        assertEquals(
            now + 59,
            reader.state().revokedBefore().get("mallory"),
            "the latest cut-off wins whichever replica wrote last");
        assertEquals(now, reader.apiKeys("carol").get(0).revokedAt(), "the revocation is kept");
      }
    }
    assertTrue(api.conflicts.get() > 0, "the replicas did collide: " + api.conflicts.get());
    assertEquals(2, api.objects().size(), "one cut-off object and one key object");
  }

  @Test
  void twoReplicasRacingAThousandRevocationsWithIssuanceLoseNone() throws Exception {
    try (TokenLedger a = replica();
        TokenLedger b = replica();
        ConfigMapStore reader = store()) {
      ReplicaRace.run(a, b, reader, 1000);
    }
    assertEquals(3000, api.objects().size(), "one object per issued token and per revocation");
  }

  @Test
  void aReplicaFindsATokenAnotherIssuedBeforeItReloads() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    try (TokenLedger a = replica();
        TokenLedger b = replica()) {
      a.change(d -> d.issue("dave", new IssuedToken("j9", "free", now, now + 600, null)));
      assertTrue(b.liveTokens("dave").isEmpty(), "b has not reloaded");
      assertEquals("j9", b.liveToken("dave", "j9").orElseThrow().jti());
      assertTrue(b.liveToken("dave", "nope").isEmpty());
    }
  }

  @Test
  void expiredRecordsArePrunedAndLiveOnesKept() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    try (ConfigMapStore store = store()) {
      store.write(
          List.of(
              Fact.revoked("u", "old", now - 10),
              Fact.issued("u", new IssuedToken("old", "free", now - 100, now - 10, null)),
              Fact.revoked("u", "new", now + 600),
              Fact.cutOff("u", now - 7200, 3600)));
      assertEquals(4, api.objects().size());
      assertEquals(3, store.prune(now));
      assertEquals(1, api.objects().size());
      assertTrue(store.read().isRevoked("new", "u", now));
    }
  }

  @Test
  void aListLongerThanOnePageIsReadWhole() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    try (ConfigMapStore store = store()) {
      List<Fact> facts = new ArrayList<>();
      for (int i = 0; i < 640; i++) {
        facts.add(Fact.revoked("user" + (i % 50), "j" + i, now + 600));
      }
      store.write(facts);
      TokenState read = store.read();
      assertEquals(640, read.revoked().values().stream().mapToInt(Map::size).sum());
    }
  }

  @Test
  void theSingleObjectStateOfEarlierReleasesIsImportedOnce() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    TokenState old =
        TokenState.EMPTY
            .withRevokeAll("erin", now)
            .withRevoked("dave", "j1", now + 600)
            .withIssued("dave", new IssuedToken("j2", "free", now, now + 600, null));
    ObjectNode legacy = Json.MAPPER.createObjectNode();
    legacy.put("apiVersion", "v1").put("kind", "ConfigMap");
    legacy.putObject("metadata").put("name", NAME).putObject("annotations").put("kept", "yes");
    legacy.putObject("data").put(ConfigMapStore.LEGACY_KEY, Json.MAPPER.writeValueAsString(old));
    api.seed(legacy);
    try (TokenLedger ledger = replica()) {
      ledger.reload();
      assertTrue(ledger.isRevoked("j1", "dave", now));
      assertTrue(ledger.isRevoked("any", "erin", now - 1));
      assertEquals(1, ledger.liveTokens("dave").size());
    }
    ObjectNode after = api.objects().get(NAME);
    assertTrue(after.path("data").path(ConfigMapStore.LEGACY_KEY).isMissingNode());
    assertEquals("yes", after.at("/metadata/annotations/kept").asText());
    assertEquals(4, api.objects().size(), "the legacy object and three records");
  }

  @Test
  void aRotatedServiceAccountTokenIsReadForTheNextCall() throws Exception {
    try (TokenLedger ledger = replica()) {
      ledger.reload();
      Files.writeString(account.resolve("token"), "sa-token-2\n");
      ledger.reload();
    }
    assertEquals("Bearer sa-token-1", api.authorizations.get(0));
    assertEquals("Bearer sa-token-2", api.authorizations.get(api.authorizations.size() - 1));
  }
}
