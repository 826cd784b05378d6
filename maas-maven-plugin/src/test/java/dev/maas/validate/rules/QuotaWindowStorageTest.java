package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A window of a week or more is a quota, refused where Limitador counts in memory. */
class QuotaWindowStorageTest {

  private static final String ON_DISK =
      "\n  limitador: {storage: {disk: {size: 1Gi}}}\n  environments:\n";

  @Test
  void monthlyQuotaInMemoryIsRefusedAtItsWindow() {
    assertEquals(
        List.of(
            "spec.yaml:46:38: error: /spec/tiers/1/limits/tokens/1/window: the 30d window is a quota,"
                + " but environment `dev` counts it in memory: every Limitador restart would start every user's 30d quota"
                + " again from zero (keep the counters across restarts: set spec.limitador.storage.redis.secretName (or"
                + " storage.disk.size), or mark the environment `production: true`) [quota-window-storage]"),
        ReferenceSpec.validateEdited(
            "{limit: 2000000, window: 1d}", "{limit: 2000000, window: 30d}"));
  }

  @Test
  void sixDaysIsNoQuotaAndStorageLiftsTheError() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            "{limit: 2000000, window: 1d}", "{limit: 2000000, window: 6d23h}"));
    assertEquals(
        List.of(),
        ReferenceSpec.validate(
            ReferenceSpec.edit("{limit: 2000000, window: 1d}", "{limit: 2000000, window: 7d}")
                .replace("\n  environments:\n", ON_DISK)));
  }

  @Test
  void aModelCapIsAQuotaToo() {
    assertEquals(
        List.of("quota-window-storage"),
        ReferenceSpec.codes(
            "resources: {gpus: 1, memory: 24Gi}",
            "resources: {gpus: 1, memory: 24Gi}\n      limits: {tokens: [{limit: 1000000000, window: 30d}]}"));
  }
}
