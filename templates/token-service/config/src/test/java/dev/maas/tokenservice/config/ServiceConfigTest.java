package dev.maas.tokenservice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The config records: the JSON both sides share, tier choice and model lists. */
class ServiceConfigTest {

  private static final ServiceConfig CONFIG =
      new ServiceConfig(
          "acme",
          "http://issuer",
          "maas:acme",
          60,
          3600,
          3600,
          List.of(
              new TierEntry("free", null, 0, List.of("everyone"), List.of("a")),
              new TierEntry("gold", "Gold", 10, List.of("gold", "vip"), null),
              new TierEntry("silver", "Silver", 10, List.of("vip"), List.of("a"))),
          List.of(
              new ModelEntry("a", "ns", "A", "/ns/a/v1", "/ns/a/v1/chat/completions"),
              new ModelEntry("b", "ns", null, "/ns/b/v1", "/ns/b/v1/chat/completions")),
          null);

  @Test
  void theJsonTheCompilerWritesIsReadBackAsTheSameRecord() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(CONFIG);
    assertTrue(
        text.startsWith(
            "{\"platform\":\"acme\",\"issuer\":\"http://issuer\",\"audience\":\"maas:acme\","
                + "\"defaultTTL\":60,\"maxTTL\":3600,\"apiKeyMaxTTL\":3600,\"tiers\":[{\"name\":\"free\""),
        text);
    assertTrue(
        text.contains("\"models\":null"),
        "every model is written as null, not as today's list: " + text);
    assertEquals(CONFIG, json.readValue(text, ServiceConfig.class));
  }

  @Test
  void theHighestLevelWinsAndSpecOrderBreaksTies() {
    assertEquals("gold", CONFIG.tierFor(List.of("everyone", "vip")).orElseThrow().name());
    assertEquals("free", CONFIG.tierFor(List.of("everyone")).orElseThrow().name());
    assertTrue(CONFIG.tierFor(List.of("Everyone", "gold ")).isEmpty(), "groups match exactly");
  }

  @Test
  void aTierWithoutModelsMayCallEveryModel() {
    assertEquals(
        List.of("a", "b"),
        CONFIG.modelsOf(CONFIG.tier("gold").orElseThrow()).stream().map(ModelEntry::name).toList());
    assertEquals(
        List.of("a"),
        CONFIG.modelsOf(CONFIG.tier("free").orElseThrow()).stream().map(ModelEntry::name).toList());
    assertEquals(
        "free",
        CONFIG.tier("free").orElseThrow().displayName(),
        "the name stands in for a display name");
    assertNull(CONFIG.tier("gold").orElseThrow().models());
  }
}
