package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Several Limitador replicas need shared Redis counters. */
class LimitadorSharedCountersTest {

  @Test
  void replicasWithoutRedisAreReported() {
    assertEquals(
        List.of(
            "spec.yaml:84:15: error: /spec/limitador/replicas: 3 Limitador replicas with in-memory"
                + " counters would each count on their own, letting users through up to 3 times their limits (add"
                + " storage.redis.secretName so the replicas share counters, or use 1 replica) [limitador-shared-counters]"),
        ReferenceSpec.validateEdited(
            "  observability:\n", "  limitador:\n    replicas: 3\n  observability:\n"));
  }

  @Test
  void replicasWithRedisPass() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            "  observability:\n",
            "  limitador:\n    replicas: 3\n    storage: {redis: {secretName: redis-config}}\n  observability:\n"));
  }
}
