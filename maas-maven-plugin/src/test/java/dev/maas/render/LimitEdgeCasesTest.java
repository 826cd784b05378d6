package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.model.Limitador;
import dev.maas.model.Limits;
import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Limits of 0, unlimited tiers, tiers without a kind of limit, lifted overrides, and Limitador
 * storage.
 */
class LimitEdgeCasesTest {

  private static Platform with(List<Tier> extraTiers, Limitador limitador) {
    Platform acme = Fixtures.acme();
    List<Tier> tiers = new ArrayList<>(acme.tiers());
    tiers.addAll(extraTiers);
    return acme.with(
        parts -> {
          parts.tiers = tiers;
          parts.limitador = limitador == null ? acme.limitador() : limitador;
        });
  }

  @Test
  void zeroDeniesUnlimitedHasNoEntriesAndLiftedOverridesAreExcludedFromTheGeneralLimit() {
    Tier blocked =
        new Tier(
            "blocked",
            null,
            null,
            1,
            List.of("blocked-users"),
            null,
            new Limits(List.of(new Rate(0, "1m")), List.of(new Rate(0, "1h")), "user"),
            false,
            Map.of(),
            null);
    Tier internal =
        new Tier("internal", null, null, 30, List.of("staff"), null, null, true, Map.of(), null);
    Tier research =
        new Tier(
            "research",
            null,
            null,
            5,
            List.of("lab"),
            null,
            new Limits(List.of(), List.of(new Rate(1000, "1m")), "user"),
            false,
            Map.of("granite-8b", new ModelLimits(null, List.of())),
            null);
    GeneratedTree tree = Fixtures.render(with(List.of(blocked, internal, research), null));
    JsonNode tokens =
        Fixtures.object(tree, "base/tokenratelimitpolicy-acme-token-limits.yaml")
            .path("spec")
            .path("limits");
    JsonNode requests =
        Fixtures.object(tree, "base/ratelimitpolicy-acme-request-limits.yaml")
            .path("spec")
            .path("limits");

    assertEquals(0, tokens.path("blocked-tokens").path("rates").path(0).path("limit").asInt(-1));
    assertEquals(
        0, requests.path("blocked-requests").path("rates").path(0).path("limit").asInt(-1));
    List<String> keys = new ArrayList<>();
    tokens.fieldNames().forEachRemaining(keys::add);
    requests.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.stream().noneMatch(k -> k.startsWith("internal-")), keys.toString());
    assertFalse(
        requests.has("research-requests"), "a tier without request limits gets no request limit");
    assertFalse(
        tokens.has("research-granite-8b-tokens"),
        "an empty override lifts the limit for that model");
    String researchWhen = tokens.path("research-tokens").path("when").toString();
    assertTrue(
        researchWhen.contains("!request.url_path.startsWith(\\\"/llm/granite-8b/\\\")"),
        researchWhen);
  }

  @Test
  void limitadorKeepsCountersInMemoryUnlessARedisSecretIsGiven() {
    JsonNode memory =
        Fixtures.object(
            Fixtures.render(with(List.of(), new Limitador(null, 1, null))),
            "base/limitador-limitador.yaml");
    assertTrue(memory.path("spec").path("storage").isMissingNode());
    assertEquals(1, memory.path("spec").path("replicas").asInt());
    JsonNode redis =
        Fixtures.object(
            Fixtures.render(
                with(List.of(), new Limitador("kuadrant-system", 3, "limitador-redis"))),
            "base/limitador-limitador.yaml");
    assertEquals(
        "limitador-redis",
        redis
            .path("spec")
            .path("storage")
            .path("redis")
            .path("configSecretRef")
            .path("name")
            .asText());
    assertEquals(3, redis.path("spec").path("replicas").asInt());
  }
}
