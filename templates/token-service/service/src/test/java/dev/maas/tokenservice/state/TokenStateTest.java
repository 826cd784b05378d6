package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.tokenservice.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state's union, revocation checks, pruning and JSON form. */
class TokenStateTest {

  private static final long NOW = 1_800_000_000L;

  @Test
  void mergeIsAUnionThatKeepsTheLaterCutOff() {
    TokenState a =
        TokenState.EMPTY
            .withRevokeAll("u", NOW)
            .withRevoked("u", "j1", NOW + 60)
            .withIssued("u", new IssuedToken("j2", "free", NOW, NOW + 60, null));
    TokenState b = TokenState.EMPTY.withRevokeAll("u", NOW - 100).withRevoked("v", "j3", NOW + 60);
    TokenState merged = a.merge(b);
    assertEquals(NOW, merged.revokedBefore().get("u"));
    assertEquals(Map.of("j1", NOW + 60), merged.revoked().get("u"));
    assertEquals(Map.of("j3", NOW + 60), merged.revoked().get("v"));
    assertEquals(merged, b.merge(a), "order does not matter");
  }

  @Test
  void revocationChecksTheCutOffAndTheJti() {
    TokenState s = TokenState.EMPTY.withRevokeAll("u", NOW).withRevoked("v", "j", NOW + 60);
    assertTrue(s.isRevoked("any", "u", NOW - 1));
    assertFalse(s.isRevoked("any", "u", NOW));
    assertTrue(s.isRevoked("j", "v", NOW + 5));
    assertFalse(s.isRevoked("j", "w", NOW + 5), "a jti is revoked for its owner only");
  }

  @Test
  void pruningDropsWhatCanNoLongerMatter() {
    TokenState s =
        TokenState.EMPTY
            .withRevokeAll("old", NOW - 1000)
            .withRevokeAll("recent", NOW - 10)
            .withRevoked("u", "expired", NOW - 1)
            .withRevoked("u", "live", NOW + 1)
            .withIssued("u", new IssuedToken("gone", "free", NOW - 100, NOW - 1, null))
            .withIssued("u", new IssuedToken("live", "free", NOW - 100, NOW + 1, null))
            .withIssued("u", new IssuedToken("kept", "free", NOW - 100, NOW + 1, "l"))
            .withIssued("recent", new IssuedToken("cut", "free", NOW - 20, NOW + 100, null));
    TokenState pruned = s.pruned(NOW, 500);
    assertEquals(Map.of("recent", NOW - 10), pruned.revokedBefore());
    assertEquals(Map.of("u", Map.of("live", NOW + 1)), pruned.revoked());
    assertEquals(
        Map.of("kept", new IssuedToken("kept", "free", NOW - 100, NOW + 1, "l")),
        pruned.issued().get("u"));
    assertFalse(
        pruned.issued().containsKey("recent"), "tokens under a cut-off are no longer listed");
  }

  @Test
  void theStateSurvivesJson() throws Exception {
    TokenState s =
        TokenState.EMPTY
            .withRevokeAll("u", NOW)
            .withRevoked("v", "j", NOW + 60)
            .withIssued("w", new IssuedToken("k", "premium", NOW, NOW + 60, "ci"));
    assertEquals(s, Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(s), TokenState.class));
  }
}
